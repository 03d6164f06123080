"""Print docker-stacks' image hierarchy as JSON, read with Python's own parser.

Usage: python3 read_images_hierarchy.py PATH/tagging/hierarchy/images_hierarchy.py

The file is parsed, not imported (importing it needs docker-py and plumbum): its ALL_IMAGES dict
of ImageDescription(parent_image, taggers=[...], manifests=[...]) calls becomes
{"<image>": {"parent": "<image>" | null, "taggers": [...], "manifests": [...]}}, in file order,
with each tagger and manifest named as the function it refers to ("versions.python_tagger" ->
"python_tagger"). Exits 1 with a message on stderr when the file has another shape.
"""

import ast
import json
import sys

FIELDS = ("parent_image", "taggers", "manifests")


class ShapeError(Exception):
    pass


def function_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    raise ShapeError(f"line {node.lineno}: expected a function name, found {ast.unparse(node)}")


def description(image: str, call: ast.expr) -> dict:
    if not (isinstance(call, ast.Call) and function_name(call.func) == "ImageDescription"):
        raise ShapeError(f"line {call.lineno}: {image} is not an ImageDescription(...)")
    fields = dict(zip(FIELDS, call.args))
    for keyword in call.keywords:
        if keyword.arg not in FIELDS:
            raise ShapeError(f"line {call.lineno}: {image} has an unknown field {keyword.arg}")
        fields[keyword.arg] = keyword.value
    parent = fields.get("parent_image")
    if not isinstance(parent, ast.Constant):
        raise ShapeError(f"line {call.lineno}: {image} has no constant parent_image")
    listed = {}
    for name in ("taggers", "manifests"):
        value = fields.get(name, ast.List(elts=[]))
        if not isinstance(value, ast.List):
            raise ShapeError(f"line {call.lineno}: {image}'s {name} is not a list")
        listed[name] = [function_name(element) for element in value.elts]
    return {"parent": parent.value, **listed}


def read(path: str) -> dict:
    with open(path, encoding="utf-8") as file:
        module = ast.parse(file.read(), filename=path)
    for statement in module.body:
        target = statement.target if isinstance(statement, ast.AnnAssign) else None
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
        if isinstance(target, ast.Name) and target.id == "ALL_IMAGES":
            if not isinstance(statement.value, ast.Dict):
                raise ShapeError(f"line {statement.lineno}: ALL_IMAGES is not a dict literal")
            images = {}
            for key, value in zip(statement.value.keys, statement.value.values):
                if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                    raise ShapeError(f"line {statement.lineno}: ALL_IMAGES has a key that is not a string")
                images[key.value] = description(key.value, value)
            return images
    raise ShapeError("no ALL_IMAGES = {...} assignment")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 read_images_hierarchy.py PATH/tagging/hierarchy/images_hierarchy.py")
    try:
        print(json.dumps(read(sys.argv[1]), indent=2))
    except (OSError, SyntaxError, ShapeError) as error:
        sys.exit(f"{sys.argv[1]}: {error}")
