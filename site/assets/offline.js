// Offline use, page side: registers the service worker (../../service-worker.js), shows in the footer whether this
// site works without network on this device, and offers a newly published version with a notice. It never reloads
// a page by itself: only the evaluator's click on "Herladen" does (a draft in progress is kept by the form anyway).
// The texts are in the page (site/theme/partials/copyright.html, from the theme.* keys of site/i18n).

const root = document.documentElement;
const footer = document.getElementById("ijk-offline-status");
const notice = document.getElementById("ijk-update");
const UPDATE_CHECK_MS = 15 * 60 * 1000; // a form can stay open all day: look for a new version now and then
const RUNTIME_WAIT_MS = 20_000;

if ("serviceWorker" in navigator && window.isSecureContext) {
  afterStartUp(() => register().catch((error) => {
    console.warn("IJkpunt: offline gebruik kon niet worden ingesteld", error);
    showState("failed");
  }));
} else {
  // plain http on another host than this computer: browsers allow no service worker there
  showState("unavailable");
}

function showState(state) {
  if (!footer) return;
  for (const line of footer.querySelectorAll("[data-offline-state]")) line.hidden = line.dataset.offlineState !== state;
  footer.hidden = false;
}

/** Run `start` once the page has loaded and, on a page that starts Python, once Python is ready (or failed). */
function afterStartUp(start) {
  const whenIdle = () => {
    if (window.requestIdleCallback) requestIdleCallback(start, { timeout: 2000 });
    else setTimeout(start, 200);
  };
  const afterRuntime = () => {
    if (root.dataset.python !== "loading") return whenIdle();
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      observer.disconnect();
      whenIdle();
    };
    const observer = new MutationObserver(() => {
      if (root.dataset.python !== "loading") go();
    });
    observer.observe(root, { attributes: true, attributeFilter: ["data-python"] });
    setTimeout(go, RUNTIME_WAIT_MS);
  };
  if (document.readyState === "complete") afterRuntime();
  else addEventListener("load", afterRuntime, { once: true });
}

async function register() {
  const container = navigator.serviceWorker;
  const hadController = Boolean(container.controller);
  let takingOver = false; // set by this page's "Herladen": only then does a change of worker reload it

  const registration = await container.register(new URL("../../service-worker.js", import.meta.url));
  container.addEventListener("controllerchange", () => {
    if (takingOver) location.reload();
    else if (hadController) offer(null); // another tab took the new version: this page is the old one
    else showState("ready"); // the first version is installed and has taken this page
  });

  const follow = (worker) => {
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed" && container.controller) offer(worker);
      if (worker.state === "redundant" && !registration.active) showState("failed");
    });
  };
  registration.addEventListener("updatefound", () => {
    if (registration.installing) follow(registration.installing);
  });
  if (registration.installing) follow(registration.installing);
  if (registration.waiting && container.controller) offer(registration.waiting);
  if (registration.active && container.controller) showState("ready");

  const check = () => registration.update().catch(() => {}); // offline: try again later
  let lastCheck = Date.now();
  addEventListener("online", () => {
    lastCheck = Date.now();
    check();
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible" || Date.now() - lastCheck < UPDATE_CHECK_MS) return;
    lastCheck = Date.now();
    check();
  });
  setInterval(() => {
    if (document.visibilityState === "visible") check();
  }, UPDATE_CHECK_MS);

  function offer(waiting) {
    const template = document.getElementById("ijk-update-template");
    if (!notice || !template || notice.childElementCount) return;
    notice.append(template.content.cloneNode(true));
    notice.querySelector("[data-update=reload]").addEventListener("click", () => {
      if (!waiting || waiting.state === "activated" || waiting.state === "redundant") {
        location.reload();
        return;
      }
      takingOver = true;
      waiting.postMessage({ type: "take-over" });
    });
    notice.querySelector("[data-update=later]").addEventListener("click", () => notice.replaceChildren());
  }
}
