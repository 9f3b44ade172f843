"""Run every benchmark script in this folder and print their JSON results as one JSON object."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    results = {}
    for script in sorted(HERE.glob("*.py")):
        if script.name == Path(__file__).name or script.name.startswith("_"):
            continue
        done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
        lines = done.stdout.strip().splitlines()
        results[script.stem] = (json.loads(lines[-1]) if done.returncode == 0 and lines
                                else {"error": done.stderr.strip().splitlines()[-1:]})
        print(f"{script.stem}: {json.dumps(results[script.stem], ensure_ascii=False)}",
              file=sys.stderr)
    print(json.dumps(results, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
