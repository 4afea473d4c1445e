"""Generate ``schemas/*.json`` (JSON Schema per topic) and ``asyncapi.yaml`` from the models.

``python -m contracts.generate`` writes them; ``render()`` returns them for the drift test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from contracts.events import EVENT_MODELS, EVENT_TYPES, CloudEvent
from contracts.services import PUBLISHERS

HERE = Path(__file__).parent


def _envelope_schema(topic: str) -> dict[str, Any]:
    data_model = EVENT_MODELS[topic]
    envelope = CloudEvent.model_json_schema()
    data_schema = data_model.model_json_schema(ref_template="#/$defs/{model}")
    defs = dict(data_schema.pop("$defs", {}))
    defs[data_model.__name__] = data_schema
    envelope["properties"]["data"] = {"$ref": f"#/$defs/{data_model.__name__}"}
    envelope["properties"]["type"] = {"const": EVENT_TYPES[topic], "type": "string"}
    envelope["required"] = sorted({*envelope.get("required", []), "specversion", "datacontenttype"})
    envelope["$defs"] = defs
    envelope["title"] = f"{topic} (CloudEvents 1.0, structured JSON)"
    envelope["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return envelope


def render() -> dict[str, str]:
    """Return ``{relative path: file text}`` for every generated file."""
    files: dict[str, str] = {}
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for topic in EVENT_MODELS:
        schema = _envelope_schema(topic)
        files[f"schemas/{topic}.json"] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        name = EVENT_MODELS[topic].__name__
        messages[name] = {
            "name": name,
            "contentType": "application/cloudevents+json",
            "payload": {"$ref": f"./schemas/{topic}.json"},
            "bindings": {"kafka": {"key": {"type": "string", "description": "customer number"}}},
        }
        channel_id = topic.replace(".", "_").replace("-", "_")
        channels[channel_id] = {
            "address": topic,
            "description": f"Published by {PUBLISHERS[topic]}. Dead letters go to {topic}.dlq.",
            "messages": {name: {"$ref": f"#/components/messages/{name}"}},
        }
        operations[f"publish_{channel_id}"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{channel_id}"},
            "messages": [{"$ref": f"#/channels/{channel_id}/messages/{name}"}],
        }
    doc = {
        "asyncapi": "3.0.0",
        "info": {
            "title": "VIP service platform events",
            "version": "1.0.0",
            "description": "CloudEvents 1.0 structured JSON messages, keyed by customer number.",
        },
        "defaultContentType": "application/cloudevents+json",
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages},
    }
    files["asyncapi.yaml"] = yaml.safe_dump(doc, sort_keys=True, allow_unicode=True)
    return files


def main() -> None:
    for rel, text in render().items():
        path = HERE / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
