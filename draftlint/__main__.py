from draftlint.cli import run

run()
