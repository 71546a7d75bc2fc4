// Reads a form's raw values and puts them back. No meaning is given to any value here: the core
// (ijkpunt_core.form_input) applies defaults, trimming and rules.

/** {input name: string} for every filled-in control, exactly as the form holds it. */
export function readValues(form) {
  const values = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string") values[name] = value;
  }
  return values;
}

/** Put stored values back: radios are checked by value, other controls get the value. */
export function restoreValues(form, values) {
  for (const [name, value] of Object.entries(values)) {
    const control = form.elements.namedItem(name);
    if (!control) continue;
    const radios = control instanceof RadioNodeList ? [...control] : control.type === "radio" ? [control] : null;
    if (radios) {
      for (const radio of radios) radio.checked = radio.value === value;
    } else if (control.type === "checkbox") {
      control.checked = control.value === value; // a box is stored only when ticked, with its value
    } else if (control.type !== "file" && !control.readOnly) {
      control.value = value;
    }
  }
}

/** The control to focus for an input name: the first radio of a group, or the input itself. */
export function controlFor(form, name) {
  if (!name) return null;
  const control = form.elements.namedItem(name);
  if (control instanceof RadioNodeList) return control[0] ?? null;
  return control ?? null;
}
