from draftlint.command import run

run()
