"""The exit codes of ``winnow``, part of the CLI contract: scripts and CI branch on them.

They live on the inference side because batch prediction chooses between its own
(``PredictSummary.exit_code``) and inference never imports ``train/``; the command line
uses the same names for the rest.
"""

EXIT_OK = 0
EXIT_SOME_FAILED = 1  # predict: some pages failed (their records say why)
EXIT_CHECK_FAILED = 1  # evaluate --fail-under / --thresholds, diff --fail-if-worse
EXIT_USAGE = 2  # bad usage or input, an empty split, an artifact that does not verify
EXIT_MOSTLY_FAILED = 3  # predict: nearly all pages failed
