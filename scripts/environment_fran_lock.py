"""Rewrite the pip section of environment.yml from requirements.in pinned to requirements.lock (run by `make lock`).
The lock has hashes (`pkg==1.2 \\` followed by `--hash=` lines); only the pins matter here."""

from pathlib import Path

PROJEKT = Path(__file__).resolve().parents[1]


def main() -> None:
    direkta = [r.strip() for r in (PROJEKT / "requirements.in").read_text().splitlines()
               if r.strip() and not r.startswith("#")]
    last = {r.split()[0].split("==")[0].lower(): r.split()[0].split("==")[1]
            for r in (PROJEKT / "requirements.lock").read_text().splitlines() if "==" in r and not r.startswith("#")}
    env = PROJEKT / "environment.yml"
    text = env.read_text()
    huvud = text[:text.index("  - pip:\n") + len("  - pip:\n")]
    env.write_text(huvud + "".join(f"      - {d}=={last[d.lower()]}\n" for d in direkta))


if __name__ == "__main__":
    main()
