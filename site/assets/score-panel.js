// Shows what the core computed in the score panel. Every number comes from Python; this only writes text.
import { formatPercent, t } from "./strings.js";

const byId = (id) => document.getElementById(id);

/** The title of a criterion as the form shows it. */
export function titleOf(criterionId) {
  const title = document.querySelector(`#c-${CSS.escape(criterionId)} .ijk-title`);
  return title ? title.textContent : criterionId;
}

/** "Nog in te vullen: 3 criteria, de relatievraag." or "Alles is ingevuld." */
export function describeMissing(missing) {
  const open = missing.filter((id) => id !== "relationship" && id !== "outcome").length;
  const survey = document.getElementById("ijk-form")?.dataset.kind === "survey"; // a survey asks questions
  const parts = [];
  if (open && survey) parts.push(t(open === 1 ? "js.score.missing_question_one" : "js.score.missing_question_many", { count: open }));
  else if (open) parts.push(t(open === 1 ? "js.score.missing_one" : "js.score.missing_many", { count: open }));
  if (missing.includes("relationship")) parts.push(t(survey ? "js.score.missing_image" : "js.score.missing_relationship"));
  if (missing.includes("outcome")) parts.push(t("js.score.missing_outcome"));
  return parts.length ? t("js.score.missing", { parts: parts.join(", ") }) : t("js.score.complete");
}

/** Render a live result {scores, running, problems}: the total (final or provisional) and the details. */
export function showScores({ scores, running, problems }) {
  const quality = byId("ijk-quality");
  const provisional = byId("ijk-provisional");
  const missing = byId("ijk-missing");
  if (!scores) {
    quality.textContent = t("js.score.none");
    quality.dataset.value = "";
    quality.dataset.provisional = "false";
    provisional.hidden = true;
    missing.textContent = inputProblems(problems.length);
    return;
  }
  const isProvisional = running.provisional;
  if (isProvisional) {
    quality.textContent = formatPercent(running.quality);
  } else {
    quality.textContent = scores.quality === null ? t("js.score.all_na") : formatPercent(scores.quality);
  }
  quality.dataset.value = isProvisional || scores.quality === null ? "" : String(scores.quality);
  quality.dataset.provisional = String(isProvisional);
  provisional.hidden = !isProvisional || running.quality === null;
  quality.title = isProvisional ? t("js.score.provisional_note") : t("js.score.final_note");

  missing.textContent = describeMissing(scores.missing);
  missing.title = scores.missing.map(titleOf).join("\n");
  if (problems.length) missing.textContent += " " + inputProblems(problems.length);

  const band = byId("ijk-band");
  band.hidden = !running.band;
  band.textContent = running.band ? t("js.score.band", { band: running.band.label }) : "";

  const critical = byId("ijk-critical");
  const reasons = [...scores.critical.criteria, ...scores.critical.errors].map((c) => `“${c.title}”`).join(", ");
  critical.hidden = !scores.critical.failed;
  critical.textContent = !scores.critical.failed
    ? ""
    : t(scores.critical.policy === "zero-score" ? "js.score.critical_zero" : "js.score.critical_fail", { reasons });

  for (const section of scores.sections) {
    const target = document.querySelector(`[data-section-score="${CSS.escape(section.section)}"]`);
    if (!target) continue;
    target.textContent = section.score !== null
      ? formatPercent(section.score)
      : t("js.score.section_progress", { answered: section.answered, total: section.total });
  }

  const compliance = scores.compliance;
  const applicable = compliance.passed.length + compliance.failed.length;
  byId("ijk-compliance").textContent = applicable
    ? t("js.score.compliance", { passed: compliance.passed.length, applicable })
    : t("js.score.none");
  const failed = byId("ijk-compliance-failed");
  failed.hidden = !compliance.failed.length;
  failed.textContent = compliance.failed.length
    ? t("js.score.compliance_failed", { titles: compliance.failed.map(titleOf).join(", ") })
    : "";
  byId("ijk-relationship").textContent = scores.relationship === null
    ? t("js.score.none")
    : t(RELATIONSHIP[scores.relationship]);
}

/**
 * Tell a screen reader the running score (polite): the total as the panel shows it, its band and a failed critical
 * criterion. Called when an answer changed, not for each keystroke in a comment or number field (live-form.js),
 * and only when the text differs from what was said last, so a comment typed or a repeated result says nothing.
 */
export function announceScore() {
  const region = byId("ijk-score-announce");
  if (!region) return;
  const visible = (id) => (byId(id) && !byId(id).hidden ? byId(id).textContent.trim() : "");
  const label = document.querySelector("#ijk-scores .ijk-total-label")?.textContent.trim() ?? "";
  const total = [label, byId("ijk-quality").textContent.trim(), visible("ijk-provisional")].filter(Boolean).join(" ");
  const text = [total, visible("ijk-band"), visible("ijk-critical")].filter(Boolean).join(". ");
  if (region.textContent !== text) region.textContent = text;
}

const RELATIONSHIP = {
  weakened: "js.relationship.weakened",
  kept: "js.relationship.kept",
  strengthened: "js.relationship.strengthened",
};

function inputProblems(count) {
  return t(count === 1 ? "js.score.input_problems_one" : "js.score.input_problems_many", { count });
}

/** On narrow screens the panel is a one-line bar; the button opens the details. */
export function bindDetailsToggle() {
  const panel = byId("ijk-scores");
  const toggle = byId("ijk-details-toggle");
  if (!panel || !toggle) return;
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    panel.classList.toggle("is-open", open);
  });
}
