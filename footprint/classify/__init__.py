"""The explainable classifier: each result becomes namesake, defunct, activism, work or
private, with the year it is likely from, a confidence and the reasons why.

    classifier = Classifier(profile)          # compiles the profile once
    classifier.classify(result, check)        # → Classification
    classify_all(results, profile, checks)    # → list[Finding], in the same order
    render_reason(reason, "fi")               # a reason in the report's language

What it knows is data (`data/*.toml`, read and checked by `knowledge`): vocabularies,
trades, the gazetteer, platforms, weights and reason texts. Modules: `text` (tokens,
lemmas, phrase matching), `lemmas` (fast simplemma dictionaries), `names` (the person's
name in its forms), `dates`, `platforms`, `limits` (how much of each field is read),
`facts` (evidence), `evidence` (gathering it), `namesakes` (evidence of someone else),
`rules` (deciding), `messages` (reasons in three languages) and `classifier`.

The names above are imported on first use, so that `footprint.classify.knowledge` (the
gazetteer search planning reads) comes without the classifier.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from footprint.classify.classifier import Classifier, classify_all
    from footprint.classify.messages import render_reason

__all__ = ["Classifier", "classify_all", "render_reason"]


def __getattr__(name: str) -> Any:
    if name in ("Classifier", "classify_all"):
        from footprint.classify import classifier

        return getattr(classifier, name)
    if name == "render_reason":
        from footprint.classify.messages import render_reason

        return render_reason
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
