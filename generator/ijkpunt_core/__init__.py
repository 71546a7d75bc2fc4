"""IJkpunt core: formats, scoring and checks shared by CPython and Pyodide.

Only the standard library and pydantic may be imported here: this package is
shipped as a wheel to the browser.
"""

__version__ = "0.1.0"
