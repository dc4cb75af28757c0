#!/usr/bin/env python3
"""Trims Discord's OpenAPI description (discord/discord-api-spec, specs/openapi.json) to the
operations StudyBot calls, with every schema they reach, so the fake Discord can validate requests.

    python3 trim_openapi.py path/to/openapi.json <commit> <commit-date> > discord-openapi.trimmed.json
"""
import json
import sys

# (path template, method): every REST call in src/StudyBot.Adapters.Discord/Client/Rest/DiscordRoute.cs,
# plus the ones the adapter is about to make (direct messages, editing a follow-up, who am I).
OPERATIONS = [
    ("/gateway/bot", "get"),
    ("/users/@me", "get"),
    ("/applications/@me", "get"),
    ("/users/@me/channels", "post"),
    ("/applications/{application_id}/commands", "put"),
    ("/applications/{application_id}/guilds/{guild_id}/commands", "put"),
    ("/channels/{channel_id}/messages", "post"),
    ("/channels/{channel_id}/messages/{message_id}", "patch"),
    ("/interactions/{interaction_id}/{interaction_token}/callback", "post"),
    ("/webhooks/{webhook_id}/{webhook_token}", "post"),
    ("/webhooks/{webhook_id}/{webhook_token}/messages/@original", "patch"),
    ("/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", "patch"),
    # Group study (issue 16): the discussion thread, the pin, the study role, and the channel's server.
    ("/channels/{channel_id}", "get"),
    ("/channels/{channel_id}/messages/{message_id}/threads", "post"),
    ("/channels/{channel_id}/messages/pins/{message_id}", "put"),
    ("/channels/{channel_id}/messages/pins/{message_id}", "delete"),
    ("/guilds/{guild_id}/members/{user_id}/roles/{role_id}", "put"),
    ("/guilds/{guild_id}/members/{user_id}/roles/{role_id}", "delete"),
]
# Only the bodies the bot sends: JSON, or multipart with a payload_json part when it attaches a file.
CONTENT_TYPES = ["application/json", "multipart/form-data"]
PREFIX = "#/components/schemas/"


def refs(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(PREFIX):
            found.add(ref[len(PREFIX):])
        for value in node.values():
            refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)


def main(source, commit, date):
    spec = json.load(open(source, encoding="utf-8"))
    schemas = spec["components"]["schemas"]
    paths = {}
    for template, method in OPERATIONS:
        item = spec["paths"][template]
        op = item[method]
        kept = {"operationId": op["operationId"]}
        parameters = item.get("parameters", []) + op.get("parameters", [])
        if parameters:
            kept["parameters"] = parameters
        if "requestBody" in op:
            body = dict(op["requestBody"])
            body["content"] = {t: c for t, c in op["requestBody"]["content"].items() if t in CONTENT_TYPES}
            kept["requestBody"] = body
        paths.setdefault(template, {})[method] = kept

    reached, pending = set(), set()
    refs(paths, pending)
    while pending:
        name = pending.pop()
        if name in reached:
            continue
        reached.add(name)
        refs(schemas[name], pending)

    trimmed = {
        "openapi": spec["openapi"],
        "info": {
            "title": spec["info"]["title"] + ", trimmed to the operations StudyBot calls",
            "version": spec["info"]["version"],
            "license": spec["info"]["license"],
            "x-source": "https://github.com/discord/discord-api-spec/blob/" + commit + "/specs/openapi.json",
            "x-source-date": date,
        },
        "paths": paths,
        "components": {"schemas": {name: schemas[name] for name in sorted(reached)}},
    }
    json.dump(trimmed, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
