"""``python -m winnow.cli``: the ``winnow`` command where its script is not on the path."""

from winnow.cli import main

main()
