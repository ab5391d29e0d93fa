from cashless_cli.cli.app import main

main()
