"""The command line: one small module per command. Parses options, calls the library, renders."""
