"""The site's Content-Security-Policy, defined once and rendered for every place that carries it.

The same policy reaches the browser four ways: a `<meta http-equiv>` in every page (site/theme/main.html, from
`config.extra.content_security_policy`), the `Content-Security-Policy` header of `ijkpunt serve`
(ijkpunt.serve.SiteHandler), the shipped IIS `web.config` and the nginx snippet in README.md (Publiceren).
tests/generator/test_csp.py fails when any of them drifts from this module.

The header matters more than the meta tag: a page's meta tag does not govern the Pyodide web worker nor the
service worker (a worker takes its policy from its own script's response), and a meta tag cannot say
`frame-ancestors`. The meta tag is there for hosts where nobody can set headers.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

SELF = "'self'"

DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", (SELF,)),
    # Our scripts and the vendored ones are files of the site: no inline script, no eval. Pyodide compiles its
    # WebAssembly (the interpreter, then pydantic-core's extension module) in the worker: 'wasm-unsafe-eval'
    # allows WebAssembly compilation only, not eval or new Function.
    ("script-src", (SELF, "'wasm-unsafe-eval'")),
    # No inline <style> and no style="" attributes: tables align with the align attribute (mkdocs.yml,
    # tables: use_align_attribute) and scripts style elements through the CSSOM, which CSP does not govern.
    ("style-src", (SELF,)),
    # data: because Material for MkDocs draws its icons (navigation arrows, search, admonitions, the permalink
    # and back-to-top signs) as CSS masks from data:image/svg+xml URLs in its stylesheet.
    ("img-src", (SELF, "data:")),
    ("font-src", (SELF,)),
    ("connect-src", (SELF,)),
    ("worker-src", (SELF,)),
    ("manifest-src", (SELF,)),
    ("object-src", ("'none'",)),
    ("base-uri", (SELF,)),
    ("form-action", (SELF,)),
)
"""Every directive that a meta tag can carry."""

HEADER_ONLY: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Only another page of the site itself may frame it (browsers ignore frame-ancestors in a meta tag).
    ("frame-ancestors", (SELF,)),
)
"""Directives that only work as an HTTP header."""


def _render(directives: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def meta_policy() -> str:
    """The policy for `<meta http-equiv="Content-Security-Policy">`."""
    return _render(DIRECTIVES)


def header_policy() -> str:
    """The policy for the `Content-Security-Policy` HTTP header: the meta policy plus what only a header can say."""
    return _render(DIRECTIVES + HEADER_ONLY)


WEB_CONFIG_PLACEHOLDER = "IJKPUNT_CONTENT_SECURITY_POLICY"
"""What site/web.config holds where the build writes the header's policy (as an XML attribute value)."""


def web_config(source: str) -> str:
    """site/web.config with the header policy written in; ValueError if the placeholder is not there once."""
    if source.count(f'"{WEB_CONFIG_PLACEHOLDER}"') != 1:
        raise ValueError(f'site/web.config must hold value="{WEB_CONFIG_PLACEHOLDER}" exactly once')
    return source.replace(f'"{WEB_CONFIG_PLACEHOLDER}"', quoteattr(header_policy()))
