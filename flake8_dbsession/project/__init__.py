"""What the rest of the project says. The only package that reads files other than the one linted."""
