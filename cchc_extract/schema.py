"""The JSON Schema of a target set, generated from the pydantic models, and validation against it."""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from typing import Any

SCHEMA_ID = "https://github.com/cchc-extract/cchc-extract/schemas/target-set.schema.json"


@lru_cache(maxsize=1)
def target_set_schema() -> dict[str, Any]:
    from .models import TargetSet

    schema = TargetSet.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_json() -> str:
    """The schema as committed in ``schemas/target-set.schema.json`` (stable formatting)."""
    return json.dumps(target_set_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    schema = target_set_schema()
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


@lru_cache(maxsize=1)
def _compiled() -> Any:
    import fastjsonschema

    # compile() may annotate the dict it is given: hand it a copy so the cached schema stays as committed
    return fastjsonschema.compile(copy.deepcopy(target_set_schema()))


def first_violation(data: Any) -> str | None:
    """The first schema violation or broken offset, or None.

    Used on every output before it is written: fastjsonschema compiles the same committed schema to
    Python code (about 50x faster than interpreting it), so checking costs well under a millisecond.
    ``validation_errors`` below lists every violation for ``cchc-extract validate``.
    """
    import fastjsonschema

    try:
        _compiled()(data)
    except fastjsonschema.JsonSchemaException as err:
        return err.message
    return _offset_error(data)


def _offset_error(data: dict[str, Any]) -> str | None:
    text = data.get("text", "")
    for key in ("targets", "references"):
        for i, item in enumerate(data.get(key, [])):
            if text[item["start"]:item["end"]] != item["evidence"]:
                return f"{key}/{i}: evidence does not equal text[start:end]"
    return None


def validation_errors(data: Any) -> list[str]:
    """Human-readable schema violations, plus the offset invariant text[start:end] == evidence."""
    errors = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
              for e in _validator().iter_errors(data)]
    if errors or not isinstance(data, dict):
        return errors
    offset = _offset_error(data)
    return [offset] if offset else []
