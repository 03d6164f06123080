"""Run docker-stacks' own quoted_output on commands, several times each, in one container.

Usage (PYTHONPATH at a docker-stacks checkout):
    python3 _ds_quoted_output.py IMAGE RUNS COMMAND...

The container is docker-stacks' DockerRunner (tagging/utils/docker_runner.py), as its apps make it.
Prints JSON: {"<command>": ["<quoted output of run 1>", ...], ...}.
"""

import json
import sys

from tagging.utils.docker_runner import DockerRunner
from tagging.utils.quoted_output import quoted_output

if __name__ == "__main__":
    image, runs, commands = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    with DockerRunner(image) as container:
        outputs = {command: [quoted_output(container, command) for _ in range(runs)] for command in commands}
    print(json.dumps(outputs))
