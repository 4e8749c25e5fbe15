"""The command-line front ends of ``pos-app``.

The terminal's own (Qt) is ``pos_app.gui.terminal_cli``.
"""
