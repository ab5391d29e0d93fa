"""The month's payments through accounts: which rows are paid how, the files for the paying unit."""
