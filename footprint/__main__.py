"""`python -m footprint`."""

from footprint.cli import main

main()
