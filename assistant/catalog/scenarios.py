"""Role-play scenarios: schema, YAML reading with readable errors, and the scenario loader."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, get_args, get_origin

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from assistant.catalog.practice import Practice
from assistant.errors import TandemError
from assistant.text.language import Lang

__all__ = [
    "CatalogError",
    "HiddenConcern",
    "Lang",
    "Persona",
    "RubricCriterion",
    "Scenario",
    "load_scenarios",
    "pair_problems",
    "parse_file",
    "read_yaml",
    "scenario_pairs",
]

NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")]
_DOC_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:de|en)$"
DocId = Annotated[str, StringConstraints(strip_whitespace=True, pattern=_DOC_ID)]
_SCENARIO_FILE = re.compile(r"^(?P<id>[a-z0-9]+(?:[-_][a-z0-9]+)*)\.(?P<lang>de|en)\.yaml$")

_MAX_REPORTED = 25
_LABEL_KEYS = ("id", "topic", "stage", "session", "phase", "minutes", "lang")


class CatalogError(TandemError, ValueError):
    """A catalog file is missing, unreadable or invalid; the message names the file, field and fix."""

    exit_code = 2


class Persona(BaseModel):
    """The character the assistant plays in a role-play (a role, never a named person)."""

    model_config = ConfigDict(extra="forbid")

    role: NonEmptyStr
    age_band: NonEmptyStr
    attitude: NonEmptyStr
    digital_fluency: Literal["low", "medium", "high"]
    background: NonEmptyStr
    speaking_style: NonEmptyStr


class HiddenConcern(BaseModel):
    """A worry the persona reveals only when the trainee earns it with open questions and empathy."""

    model_config = ConfigDict(extra="forbid")

    concern: NonEmptyStr
    reveal_when: NonEmptyStr


class RubricCriterion(BaseModel):
    """One assessment criterion with observable anchors for the lowest (0) and highest (4) score."""

    model_config = ConfigDict(extra="forbid")

    id: Slug
    name: NonEmptyStr
    description: NonEmptyStr
    anchor_0: NonEmptyStr
    anchor_4: NonEmptyStr
    weight: float = Field(default=1.0, gt=0, le=10)


class Scenario(BaseModel):
    """A role-play scenario: persona, trainee goal, hidden concerns and the rubric to assess it."""

    model_config = ConfigDict(extra="forbid")

    id: Slug
    lang: Lang
    title: NonEmptyStr
    summary: NonEmptyStr
    persona: Persona
    trainee_role: Literal["junior", "senior", "trainer"]
    trainee_goal: NonEmptyStr
    opening_line: NonEmptyStr
    hidden_concerns: list[HiddenConcern] = Field(min_length=1)
    difficulty: Literal["easy", "medium", "hard"]
    rubric: list[RubricCriterion] = Field(min_length=3, max_length=6)
    guideline_docs: list[DocId] = Field(min_length=1)
    tags: list[Slug] = Field(default_factory=list)
    practice: Practice

    @model_validator(mode="after")
    def _practice_fits(self) -> Scenario:
        """A disclosure for every hidden concern, evidence for exactly the rubric's criteria."""
        if len(self.practice.disclosures) != len(self.hidden_concerns):
            raise ValueError(
                f"practice.disclosures: {len(self.practice.disclosures)} given for "
                f"{len(self.hidden_concerns)} hidden concerns; write one per concern, in the same order"
            )
        ids = [c.id for c in self.rubric]
        if sorted(self.practice.evidence) != sorted(ids):
            raise ValueError(
                f"practice.evidence: name exactly the rubric's criteria ({', '.join(ids)}); "
                f"got {', '.join(self.practice.evidence) or 'none'}"
            )
        return self

    @field_validator("rubric")
    @classmethod
    def _unique_criterion_ids(cls, value: list[RubricCriterion]) -> list[RubricCriterion]:
        """Reject rubrics that use a criterion id twice."""
        dups = _duplicates(c.id for c in value)
        if dups:
            raise ValueError(f"criterion ids must be unique; rename the duplicate id(s) {', '.join(dups)}")
        return value

    @field_validator("guideline_docs", "tags")
    @classmethod
    def _unique_strings(cls, value: list[str]) -> list[str]:
        """Reject lists that name the same document or tag twice."""
        dups = _duplicates(value)
        if dups:
            raise ValueError(f"entries must be unique; remove the duplicate(s) {', '.join(dups)}")
        return value

    def criterion(self, criterion_id: str) -> RubricCriterion:
        """Return the rubric criterion with this id (KeyError if there is none)."""
        for crit in self.rubric:
            if crit.id == criterion_id:
                return crit
        raise KeyError(criterion_id)


def _duplicates(values: Any) -> list[str]:
    """Return the values that occur more than once, in first-seen order."""
    seen: set[Any] = set()
    dups: list[str] = []
    for value in values:
        if value in seen and str(value) not in dups:
            dups.append(str(value))
        seen.add(value)
    return dups


class _UniqueKeyLoader(yaml.SafeLoader):
    """A SafeLoader that rejects duplicate mapping keys instead of silently keeping the last one."""


def _construct_mapping(
    loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False
) -> dict[Any, Any]:
    """Build a mapping, raising on a key that appears twice."""
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if isinstance(key, str | int | float | bool) and key in seen:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping", node.start_mark, f"duplicate key {key!r}", key_node.start_mark
            )
        if isinstance(key, str | int | float | bool):
            seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> Any:
    """Read one YAML file, raising CatalogError (with file and line) if it cannot be read or parsed."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError(f"{path}: not valid UTF-8 ({exc.reason}); save the file as UTF-8") from None
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read file ({exc.strerror}); check that it exists") from None
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else "unknown position"
        raise CatalogError(
            f"{path}: invalid YAML at {where}: {exc.problem}; fix the syntax there "
            "(indentation, quoting, a missing ':' or a duplicate key)"
        ) from None
    except yaml.YAMLError as exc:
        raise CatalogError(f"{path}: invalid YAML ({exc}); fix the syntax") from None
    if data is None:
        raise CatalogError(f"{path}: file is empty; add the catalog content")
    return data


_M = TypeVar("_M", bound=BaseModel)


def parse_file(model: type[_M], data: Any, path: Path) -> _M:
    """Validate parsed YAML against `model`, turning pydantic errors into one readable CatalogError."""
    if not isinstance(data, dict):
        fields = ", ".join(model.model_fields)
        raise CatalogError(
            f"{path}: (top level): expected a mapping with the fields {fields}, got {type(data).__name__}"
        )
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise CatalogError(format_validation_error(path, model, data, exc)) from None


def format_validation_error(path: Path, model: type[BaseModel], data: Any, exc: ValidationError) -> str:
    """Summarise a pydantic error as lines of `file: field.path: what is wrong and how to fix it`."""
    errors = exc.errors(include_url=False)
    lines = [
        f"{path}: {_loc_text(data, err['loc'])}: {_explain(model, err)}" for err in errors[:_MAX_REPORTED]
    ]
    if len(errors) > _MAX_REPORTED:
        lines.append(f"{path}: ... and {len(errors) - _MAX_REPORTED} more problem(s)")
    return "\n".join(lines)


def _explain(model: type[BaseModel], err: Any) -> str:
    """Turn one pydantic error into a message that says what to fix."""
    kind: str = err["type"]
    msg: str = err["msg"]
    loc: tuple[int | str, ...] = tuple(err["loc"])
    if kind == "missing":
        return "required field is missing; add it"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        hint = f" (allowed fields: {', '.join(allowed)})" if allowed else ""
        return f"unknown field; remove it or fix its spelling{hint}"
    if kind == "string_too_short":
        return "must not be empty; write some text"
    if kind == "string_pattern_mismatch":
        return f"{msg} (got {err.get('input')!r}); use lower-case letters, digits and '-'"
    if kind == "value_error":
        return msg.removeprefix("Value error, ")
    value = err.get("input")
    if isinstance(value, str | int | float | bool) or value is None:
        return f"{msg} (got {value!r})"
    return msg


def _allowed_fields(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """Return the field names of the model found at `loc` below `model`, or [] if unknown."""
    current: Any = model
    for item in loc:
        if isinstance(item, int):
            if get_origin(current) is not list:
                return []
            current = get_args(current)[0]
        elif isinstance(current, type) and issubclass(current, BaseModel) and item in current.model_fields:
            current = current.model_fields[item].annotation
        else:
            return []
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _loc_text(data: Any, loc: tuple[int | str, ...]) -> str:
    """Render an error location as `items[2](first/60/de).minutes`, labelling list entries."""
    text = ""
    node: Any = data
    for item in loc:
        if isinstance(item, int):
            text += f"[{item}]"
            node = node[item] if isinstance(node, list) and 0 <= item < len(node) else None
            if isinstance(node, dict):
                label = "/".join(str(node[k]) for k in _LABEL_KEYS if isinstance(node.get(k), str | int))
                text += f"({label})" if label else ""
        else:
            text += f".{item}" if text else str(item)
            node = node.get(item) if isinstance(node, dict) else None
    return text or "(top level)"


def load_scenarios(directory: Path) -> list[Scenario]:
    """Load and validate every `<id>.<lang>.yaml` scenario in `directory`, sorted by file name.

    The file name carries the pair key (id, lang): `first-session.en.yaml` must hold `id: first-session` and
    `lang: en`, so a scenario and its translation share one id and each language exists at most once.
    """
    if not directory.is_dir():
        raise CatalogError(
            f"{directory}: scenario directory not found; create it with one YAML file per scenario"
        )
    scenarios: list[Scenario] = []
    for path in sorted(directory.glob("*.yaml")):
        match = _SCENARIO_FILE.match(path.name)
        if match is None:
            raise CatalogError(
                f"{path}: file name must be <id>.<lang>.yaml with lang de or en (for example "
                "first-session.en.yaml); rename the file after the scenario's id and language"
            )
        scenario = parse_file(Scenario, read_yaml(path), path)
        for field, expected in (("id", match["id"]), ("lang", match["lang"])):
            if getattr(scenario, field) != expected:
                raise CatalogError(
                    f"{path}: {field}: is {getattr(scenario, field)!r} but the file name says {expected!r}; "
                    "make the file name and the scenario's id and lang agree"
                )
        scenarios.append(scenario)
    return scenarios


def scenario_pairs(scenarios: list[Scenario]) -> dict[str, dict[Lang, Scenario]]:
    """Group scenarios by id: {id: {lang: scenario}}, in first-seen order."""
    pairs: dict[str, dict[Lang, Scenario]] = {}
    for scenario in scenarios:
        pairs.setdefault(scenario.id, {})[scenario.lang] = scenario
    return pairs


def pair_problems(scenarios: list[Scenario], langs: tuple[Lang, ...] = ("de", "en")) -> list[str]:
    """Describe every way the translation pairs disagree; [] when each id exists in every language.

    A pair must agree on what is assessed: the rubric's criterion ids and weights (in order), difficulty and
    trainee_role.
    """
    problems: list[str] = []
    for scenario_id, by_lang in scenario_pairs(scenarios).items():
        missing = [lang for lang in langs if lang not in by_lang]
        if missing:
            files = " and ".join(f"{scenario_id}.{lang}.yaml" for lang in missing)
            problems.append(f"{scenario_id}: no {'/'.join(missing)} version; add {files}")
            continue
        first, *others = (by_lang[lang] for lang in langs)
        for other in others:
            ours, theirs = _assessed(first), _assessed(other)
            problems += [
                f"{scenario_id}: {field} not the same in {first.lang} ({ours[field]}) and {other.lang} "
                f"({theirs[field]}); translations must assess the same things"
                for field in ours
                if ours[field] != theirs[field]
            ]
    return problems


def _assessed(scenario: Scenario) -> dict[str, object]:
    """The fields a translation must keep unchanged: what is assessed, how hard, and who trains."""
    return {
        "rubric ids": [c.id for c in scenario.rubric],
        "rubric weights": [c.weight for c in scenario.rubric],
        "difficulty": scenario.difficulty,
        "trainee_role": scenario.trainee_role,
        "evidence signals": {
            cid: (e.signals, e.against)
            for cid, e in (scenario.practice.evidence if scenario.practice else {}).items()
        },
    }
