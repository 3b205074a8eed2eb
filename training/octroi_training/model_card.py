"""model_card.md: what the model is for, what it was trained on, how well it does, and its limits."""

from __future__ import annotations

from . import missing_values


def _pct(value: float) -> str:
    return f"{100 * value:.1f} %"


def model_card(manifest: dict, metrics: dict, decision: dict, n_features: int, top: list[str], policy: dict) -> str:
    """``top``: readable names of the most important features, most important first."""
    cv = metrics["crossValidated"]
    held = metrics["heldOutThreshold"]
    cost_rule = (
        f"{decision['costFalseNegative']:g} × (defaults granted) "
        f"+ {decision['costFalsePositive']:g} × (good clients refused)"
    )
    base = metrics["baselines"]
    imbalance = metrics["classImbalance"]
    m = cv["confusion"]
    comparison = "\n".join(
        f"| {r['option']} | {r['auc']:.4f} | {r['costPerApplicant']:.4f} | {r['brier']:.4f} |"
        for r in imbalance["comparison"]
    )
    importance = "; ".join(top)
    return f"""# Model card: {manifest["name"]} {manifest["version"]}

## Intended use
Estimate the probability that an applicant for a Home Credit consumer loan defaults, and support
(not replace) a loan officer's decision with a cost-minimising threshold and reasons in words.
Not for use on other products, other countries or populations unlike the training data, and not
as the sole ground for refusing credit.

## Data
- Trained on: **{manifest["trainedOn"]}** data ({metrics["rows"]:,} applicants with a known outcome,
  default rate {_pct(metrics["defaultRate"])}); {manifest["applicants"]:,} applicants served in the bundle.
- {n_features} features: application details and ratios (declared in `feature_spec.json`) and
  aggregates of the credit history (other lenders, previous applications, repayments, cards).

## Performance (nested cross-validation, out-of-fold predictions)
Every applicant is scored by a model that neither trained nor stopped on them: in each of
{metrics["folds"]} outer folds, the number of boosting rounds is chosen by early stopping on
{metrics["innerFolds"]} inner folds of the training rows only, and the model refitted on those rows
scores the held-out fold. The shipped model is trained the same way on every applicant.

| model | AUC | cost per applicant | Brier score |
|---|---|---|---|
{_row("LightGBM (this model)", cv, bold=True)}
{_row("logistic regression", base["logisticRegression"])}
{_row("constant (default rate)", base["dummy"])}

Fold AUCs: {", ".join(f"{a:.4f}" for a in metrics["foldAuc"])}
(rounds: {", ".join(str(r) for r in metrics["foldRounds"])}; shipped model: {metrics["finalRounds"]}).

## Decision threshold
Business cost = {cost_rule}.
Refuse when the probability of default ≥ **{decision["threshold"]:.4f}** (the out-of-fold cost minimum).
- cost at this threshold: {cv["cost"]:,.0f} ({cv["costPerApplicant"]:.4f} per applicant);
  at 0.5: {cv["costAt05"]:,.0f}
- confusion matrix: {m["truePositive"]:,} defaults refused, {m["falseNegative"]:,} defaults granted,
  {m["falsePositive"]:,} good clients refused, {m["trueNegative"]:,} good clients granted
- recall {_pct(cv["recall"])}, precision {_pct(cv["precision"])}
- chosen on the other folds' scores instead, the threshold costs {held["costPerApplicant"]:.4f} per applicant
  on each held-out fold: what the choice of threshold is worth on applicants it was not chosen on

## Class imbalance
Options compared by cross-validation on {imbalance["comparison"][0]["rows"]:,} applicants;
chosen: **{imbalance["chosen"]}**.
These folds both stop early and score, which flatters every option alike: the figures rank the
options, the performance above is the model's.

| option | AUC | cost per applicant | Brier score |
|---|---|---|---|
{comparison}

## Fairness
{_fairness_section(metrics["fairness"], metrics["realSample"]["fairness"])}

## Age
{_age_section(metrics["realSample"], "DAYS_BIRTH" in policy["protectedAttributes"])}

## Thin files: applicants without a known credit history
{_thin_file_section(metrics["thinFile"], metrics["realSample"]["thinFile"])}

## Missing information
{_missing_section(metrics["missingValues"])}

## What the model may not read
{_policy_section(policy)}

## Counterfactual suggestions
{_reach_section(metrics.get("counterfactualReach"))}

## Explanations and export
Most important features (total gain of their splits): {importance}.
The ONNX export agrees with LightGBM within {metrics["exportParityMaxAbsDiff"]:.2e} on every training applicant.

## Limits
{_limits(manifest, imbalance)}
"""


def _row(name: str, figures: dict, bold: bool = False) -> str:
    auc = f"**{figures['auc']:.4f}**" if bold else f"{figures['auc']:.4f}"
    return f"| {name} | {auc} | {figures['costPerApplicant']:.4f} | {figures['brier']:.4f} |"


def _limits(manifest: dict, imbalance: dict) -> str:
    limits = []
    if manifest["trainedOn"] == "generated":
        limits.append(
            "Trained on generated data: it reproduces the shape of the public data set, not its "
            "exact relationships. Retrain on the real tables before any real use."
        )
    limits += [
        "History features are missing for a new application typed in by hand: its score then rests on "
        "the application alone, and is less accurate than for clients with a known history.",
        "The model learns from past decisions (only granted loans have an outcome) and may reproduce "
        "their biases. Protected attributes are not inputs, but other fields can stand in for them "
        "(income type for age, occupation for gender): monitor decisions for fairness.",
        "Outcomes come from one lender and one period; check the calibration table again before "
        "using the probabilities on a different population.",
    ]
    if imbalance["chosen"] != "unweighted":
        limits.append(
            "Defaults were weighted up in training, so probabilities run higher than observed "
            "default rates; the threshold above is the one to use with them."
        )
    return "\n".join(f"- {text}" for text in limits)


def _reach_section(reach: dict | None) -> str:
    """How many refused applicants a change of the loan alone could get granted, and what keeps the others out."""
    if not reach or not reach["refused"]:
        return "No applicant is refused: there is nothing to suggest."
    reasons = ", ".join(f"{r['label']} (`{r['feature']}`)" for r in reach["topReasons"])
    return (
        "A refused client is offered the smallest change of the loan itself that gets it granted (a longer "
        "term, a down payment, cheaper goods, a smaller loan), within the intake rules and a term real loans run "
        "to, and confirmed by the scoring service. How many can be helped so depends on the model: with this one, "
        f"**{reach['reachable']:,} of the {reach['refused']:,} refused applicants ({_pct(reach['share'])})** "
        "could be granted by any change of the loan alone, however large (the amount down to a tenth, the term up "
        "to three times as long, the price of the goods kept or lowered alike). The others are refused for what "
        "the loan does not change; what weighs most in the refusals: "
        f"{reasons}. `scripts/counterfactual-coverage.ts` measures the share the explain service finds."
    )


def _policy_section(policy: dict) -> str:
    """The lender's policy (policy.json) in words: protected, monitored and actionable fields, and why."""
    reasons = policy.get("reasons", {})
    protected = "\n".join(f"- `{name}`: {reasons.get(name, '')}".rstrip(": ") for name in policy["protectedAttributes"])
    others = [n for n in policy["nonActionable"] if n not in policy["protectedAttributes"]]
    return (
        "Protected attributes are never model inputs, directly or through a derived feature (checked when "
        "the model is trained and when a service loads it); applications still carry them, for fairness "
        "measurement only.\n\n"
        f"{protected}\n\n"
        f"Monitored: {', '.join(f'`{n}`' for n in policy['monitoredAttributes'])}. "
        f"Never offered in what-if or counterfactuals: {', '.join(f'`{n}`' for n in others)} and the protected "
        f"attributes. A simulation may change only {', '.join(f'`{n}`' for n in policy['actionable'])}."
    )


def _missing_section(missing: dict) -> str:
    """Default rates with and without each often-missing field, and what the model makes of its absence."""

    def rates(figures: dict) -> str:
        share = figures["missing"] / (figures["missing"] + figures["present"])
        return f"{_pct(share)} | {_pct(figures['defaultRateMissing'])} / {_pct(figures['defaultRatePresent'])}"

    rows = []
    for entry in missing["fields"]:
        real = rates(entry["realSample"]) if entry["realSample"] else "– | –"
        effect = entry["modelEffectWhenMissing"]
        shown = "–" if effect is None else f"{effect:+.3f}"
        rows.append(f"| {entry['label']['en']} (`{entry['field']}`) | {rates(entry)} | {real} | {shown} |")
    wrong = missing["rewardedWrongly"]
    verdict = "for none of them" if not wrong else "except for " + ", ".join(f"`{f}`" for f in wrong)
    return (
        "Missing is not neutral: whether a field is given tells something about the applicant. Default rates "
        "with the field missing / given, in the training data and in the real sample of 6,229 applicants, and "
        "the model's mean contribution (log-odds; above 0 raises the risk) of the field's own features where "
        "it is missing:\n\n"
        "| field | training: missing | default rate missing / given | real sample: missing "
        "| default rate missing / given | model when missing |\n"
        "|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n\n"
        "Generated data reproduces the real sample's relation for each field (its log-odds difference, pulled "
        "toward none as far as the sample's noise allows). Where the real sample shows more defaults without a "
        f"field, beyond its noise, the model does not lower the risk for its absence (contribution ≥ "
        f"{missing_values.NEUTRAL}) {verdict}. Only where applicants without it default less (no occupation, no "
        "current job: mostly pensioners) may a missing field lower the risk; there the effect is shared with "
        "the income type and the employer, so one field's own contribution can stay above zero."
    )


def _auc(value: float | None) -> str:
    return "–" if value is None else f"{value:.4f}"


def _thin_file_section(thin: dict, real: dict) -> str:
    """How scores move when a known client's history is removed, and what the remedy kept is worth."""
    shift = thin["scoreShift"]
    moved = "–" if shift["mean"] is None else f"{100 * shift['mean']:+.2f}"
    before = thin.get("withoutRemedy") or {}
    return (
        "A first-time borrower, or an application sent without its history tables, reaches the model with "
        "every history feature missing. To see what that does, each held-out applicant of the cross-validation "
        "is scored twice, with the history and with it removed, by the model trained with the remedy below and "
        "by one trained on the same applicants without it (same rounds).\n\n"
        "| applicants | AUC with history | AUC history removed | without the remedy: with history "
        "| without the remedy: history removed |\n|---|---|---|---|---|\n"
        + "\n".join(
            f"| {name} | {_auc(thin[whole])} | {_auc(thin[removed])} | {_auc(before.get(whole))} "
            f"| {_auc(before.get(removed))} |"
            for name, whole, removed in (
                (f"all ({thin['withHistory'] + thin['withoutHistory']:,})", "aucWhole", "aucHistoryRemoved"),
                (f"with a known history ({thin['withHistory']:,})", "aucWithHistory", "aucWithHistoryRemoved"),
                (f"without any history ({thin['withoutHistory']:,})", "aucNoHistory", "aucNoHistory"),
            )
        )
        + _little_history_row(thin.get("littleHistory"))
        + "\n\n"
        f"Removing a known client's history moves the probability of default by {moved} points on average "
        f"({100 * (shift['meanAbsolute'] or 0):.2f} points in absolute value, {100 * (shift['p90Absolute'] or 0):.2f} "
        f"for one client in ten); {_pct(shift['grantedThenRefused'] or 0)} of them would be refused instead of "
        f"granted and {_pct(shift['refusedThenGranted'] or 0)} granted instead of refused. "
        "(An AUC is given for 200 applicants or more, with at least 10 defaults.)\n\n"
        f"On the real sample, where {real['withoutHistory']:,} of the {real['withHistory'] + real['withoutHistory']:,} "
        f"applicants have no linked history, the AUC of those without history is {_auc(real['aucNoHistory'])} with "
        f"the remedy and {_auc((real.get('withoutRemedy') or {}).get('aucNoHistory'))} without it; for the "
        f"{real['withHistory']:,} clients with a linked history (partial, imputed: it says little) it is "
        f"{_auc(real['aucWithHistory'])} with it and {_auc(real['aucWithHistoryRemoved'])} without it.\n\n"
        f"Remedy: the model is trained with the history of {_pct(thin['maskedShare'])} of the training applicants "
        "removed (drawn again for every fit), so it learns to score an application alone instead of treating a "
        "missing history as it happens to in the few natural thin files; the table shows what that costs the "
        "complete files and gains the thin ones. A second model would double what is served and explained; "
        "referring every thin file to an officer would send them all the first-time borrowers; the referral band "
        "around the threshold applies to thin files as to everyone."
    )


def _little_history_row(little: dict | None) -> str:
    if not little:
        return ""
    credits = "one credit" if little["fewCredits"] == 1 else f"{little['fewCredits']} credits"
    return (
        f"\n| with little history: {credits} known at most ({little['count']:,}) | {_auc(little['auc'])} | "
        f"| {_auc(little['aucWithoutRemedy'])} | |"
    )


def _fairness_table(report: dict, attribute: str) -> str:
    rows = []
    for g in report[attribute]["groups"]:
        ratio = "–" if g["approvalRatio"] is None else f"{g['approvalRatio']:.2f}"
        pct = lambda v: "–" if v is None else _pct(v)  # noqa: E731
        rows.append(
            f"| {g['group']} | {g['count']:,} | {pct(g['defaultRate'])} | {pct(g['approvalRate'])} | {ratio} "
            f"| {pct(g['truePositiveRate'])} | {pct(g['falsePositiveRate'])} | {pct(g['meanPredicted'])} |"
        )
    figures = report[attribute]
    gaps = (
        f"lowest approval ratio {figures['lowestApprovalRatio']:.2f} "
        f"({'four-fifths rule met' if figures['fourFifthsMet'] else 'under four fifths: adverse impact to examine'}); "
        f"gaps between groups: defaults refused {_points(figures['truePositiveRateGap'])}, good clients refused "
        f"{_points(figures['falsePositiveRateGap'])}"
    )
    compared = [g for g in report[attribute]["groups"] if g["compared"]]
    if not figures["fourFifthsMet"] and compared:
        ratios = ", ".join(f"{g['group']} {g['meanPredicted'] / g['defaultRate']:.2f}" for g in compared)
        gaps += (
            f"; the observed default rates themselves range from {_pct(min(g['defaultRate'] for g in compared))} "
            f"to {_pct(max(g['defaultRate'] for g in compared))}, and predicted over observed is {ratios}"
        )
    return (
        "| group | applicants | default rate | approved | ratio to most approved | defaults refused (TPR) "
        "| good clients refused (FPR) | mean predicted |\n|---|---|---|---|---|---|---|---|\n"
        + "\n".join(rows)
        + f"\n\n{gaps}."
    )


def _points(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} points"


def _fairness_section(training: dict, real: dict) -> str:
    """Approval and error rates by gender and age band, on cross-validated decisions."""
    parts = []
    for title, report in (("training data", training), ("real sample", real)):
        for attribute, name in (("gender", "gender"), ("ageBand", "age band (years)")):
            parts.append(
                f"**By {name}, {title}** (threshold {report['threshold']:.4f}):\n\n"
                + _fairness_table(report, attribute)
            )
    return (
        "Cross-validated decisions (every applicant decided by a model that never saw them) compared between "
        "groups. Gender is not a model input; it is kept in the data for this measurement only. The four-fifths "
        "rule compares each group's approval rate with the most approved group's (groups under "
        f"{training['minGroupSize']} applicants are listed, not compared). Mean predicted against the default "
        "rate shows calibration by group: a weighted model predicts above the observed rate everywhere, but "
        "should do so alike in every group.\n\n" + "\n\n".join(parts)
    )


def _age_section(real: dict, protected: bool) -> str:
    """What age adds to the model on the real sample, to its ranking and to its fairness, and whether it is an input."""
    age = real["age"]
    gain = age["aucWith"] - age["aucWithout"]
    folds = sum(w > wo for w, wo in zip(age["foldAucWith"], age["foldAucWithout"], strict=True))
    spread = max(age["foldAucWithout"]) - min(age["foldAucWithout"])
    verdict = (
        "Age is therefore not an input: the gain is well within the differences between folds "
        f"({spread:.4f}), too little to weigh a protected ground."
        if protected
        else "Age stays an input for that gain; the explanations name it when it weighs on a decision."
    )
    return (
        f"On the real sample, with the shipped procedure, the model reaches a cross-validated AUC of "
        f"{age['aucWith']:.4f} with the features that read the age "
        f"({', '.join(f'`{f}`' for f in age['features'])}) and {age['aucWithout']:.4f} without them "
        f"({gain:+.4f}; better with age in {folds} of {len(age['foldAucWith'])} folds). {verdict} Age is never "
        "offered as something to change (what-if, counterfactuals), and approval and error rates by age band "
        "are reported above." + _age_fairness(age.get("fairnessWith"), real["fairness"])
    )


def _age_fairness(with_age: dict | None, without: dict) -> str:
    """The decisions by age band and gender of the model with age beside those of the model without it."""
    if not with_age:
        return ""
    pct = lambda v: "–" if v is None else _pct(v)  # noqa: E731
    rows = []
    for attribute in ("ageBand", "gender"):
        for w, wo in zip(with_age[attribute]["groups"], without[attribute]["groups"], strict=True):
            rows.append(
                f"| {w['group']} | {w['count']:,} | {pct(wo['approvalRate'])} | {pct(w['approvalRate'])} "
                f"| {pct(wo['truePositiveRate'])} | {pct(w['truePositiveRate'])} "
                f"| {pct(wo['falsePositiveRate'])} | {pct(w['falsePositiveRate'])} |"
            )
    ratio = lambda r: "–" if r["lowestApprovalRatio"] is None else f"{r['lowestApprovalRatio']:.2f}"  # noqa: E731
    return (
        "\n\nThe same applicants decided by the model with age (at its own threshold, "
        f"{with_age['threshold']:.4f}) and without it ({without['threshold']:.4f}):\n\n"
        "| group | applicants | granted without age | with age | defaults refused without | with "
        "| good clients refused without | with |\n|---|---|---|---|---|---|---|---|\n"
        + "\n".join(rows)
        + f"\n\nLowest approval ratio between age bands: {ratio(without['ageBand'])} without age, "
        f"{ratio(with_age['ageBand'])} with it; between genders: {ratio(without['gender'])} without, "
        f"{ratio(with_age['gender'])} with."
    )
