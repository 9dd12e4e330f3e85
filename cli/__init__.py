"""The ``winnow`` command line: ``commands`` declares the commands and calls the library,
``render`` draws what they show.

It sits at the top level, beside ``train/`` rather than under it, because it serves
inference (``predict``, ``info``) as well as training: a batch job that only predicts should
not reach into ``train/`` to find its command. It may import ``features``, ``models`` and
``train``; beyond the option classes that give the defaults, training code loads inside the
training commands, so ``winnow --help`` and ``winnow predict`` stay light.
"""

from winnow.cli.commands import app, main

__all__ = ["app", "main"]
