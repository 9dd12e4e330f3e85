"""Every command and option of the CLI has help text and is named in the README."""

from pathlib import Path

import click
import pytest
import typer.main

from winnow.train.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()
GROUP = typer.main.get_command(app)
COMMANDS = GROUP.commands


def test_options_before_the_command_are_documented():
    for param in GROUP.params:
        assert param.help, f"{param.opts[0]} has no help text"
        assert any(o in README for o in param.opts if o.startswith("--")), param.opts


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_and_option_is_documented(name):
    command = COMMANDS[name]
    assert command.help, f"{name} has no help text"
    assert f"`{name} " in README, f"the README does not describe `{name}`"
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts[0]} has no help text"
            long = [o for o in param.opts if o.startswith("--")]
            assert any(o in README for o in long), f"the README does not name {name} {long}"
        else:
            assert getattr(param, "help", None), f"{name} argument {param.name} has no help"
