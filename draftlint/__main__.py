from draftlint.cli import main

main()
