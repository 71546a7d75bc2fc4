// The facilitator's page: the session's choices (contacts, focus criteria) become two links. Nothing is stored
// anywhere: the choices travel in the links' #fragment, which browsers never send to a server.
import { copyField, kitRoot } from "./kit-common.js";
import { t } from "./strings.js";

const root = kitRoot();
const form = document.getElementById("ijk-session-form");
const problem = document.getElementById("ijk-session-problem");
const participant = document.getElementById("ijk-participant-link");
const results = document.getElementById("ijk-results-link");

/** The fragment both links carry: #contacten=a,b&focus=x,y&versie=1.0.0 */
export function sessionFragment(contacts, focus, version) {
  const params = new URLSearchParams();
  params.set("contacten", contacts.join(","));
  params.set("focus", focus.join(","));
  params.set("versie", version);
  return params.toString().replaceAll("%2C", ",");
}

function update() {
  const chosen = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);
  const contacts = chosen("contact");
  if (!contacts.length) {
    problem.textContent = t("js.kit.choose_a_contact");
    problem.hidden = false;
    participant.value = results.value = "";
    return;
  }
  problem.hidden = true;
  const fragment = sessionFragment(contacts, chosen("focus"), root.dataset.kitVersion);
  participant.value = new URL(`../deelnemen/#${fragment}`, location.href).href;
  results.value = new URL(`../resultaten/#${fragment}`, location.href).href;
}

form.addEventListener("change", update);
form.addEventListener("submit", (event) => event.preventDefault());
for (const button of form.querySelectorAll("[data-copy]")) {
  button.addEventListener("click", () => copyField(document.getElementById(button.dataset.copy)));
}
update();
