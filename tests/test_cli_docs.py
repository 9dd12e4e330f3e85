"""Every command and option of the CLI has help text and is named in the README, and the help
shows what a default is."""

import re
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from winnow.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()
GROUP = typer.main.get_command(app)
COMMANDS = GROUP.commands


def _options(command):
    # Typer's parameters are its own click's classes, not the installed click's: ask each
    # parameter what it is instead of checking its class.
    return [p for p in command.params if p.param_type_name == "option"]


def test_options_before_the_command_are_documented():
    options = _options(GROUP)
    assert {o for p in options for o in p.opts} >= {"--log-json", "--version"}
    for param in options:
        assert param.help, f"{param.opts[0]} has no help text"
        assert any(o in README for o in param.opts if o.startswith("--")), param.opts


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_and_option_is_documented(name):
    command = COMMANDS[name]
    assert command.help, f"{name} has no help text"
    assert f"`{name} " in README, f"the README does not describe `{name}`"
    options = _options(command)
    assert options, f"{name} shows no options: the check would see nothing"
    for param in options:
        assert param.help, f"{name} {param.opts[0]} has no help text"
        long = [o for o in param.opts if o.startswith("--")]
        assert any(o in README for o in long), f"the README does not name {name} {long}"
    for param in command.params:
        if param.param_type_name == "argument":
            assert getattr(param, "help", None), f"{name} argument {param.name} has no help"


def test_help_shows_defaults_that_are_words():
    """A default in square brackets is Rich markup: it must reach the reader, not vanish."""
    result = CliRunner().invoke(app, ["predict", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = re.sub(r"[\s│]+", " ", result.output)
    assert "Artifact folder. [default: (the shipped model)]" in text, text


def test_help_text_has_no_bracketed_words_lost_to_markup():
    for name, command in COMMANDS.items():
        for param in command.params:
            help_text = getattr(param, "help", None) or ""
            assert "[" not in help_text, (
                f"{name} {param.name}: brackets in help are read as Rich markup and vanish; "
                "use show_default= instead"
            )
