"""Demo mode: the sandbox and relay servers, run in a child process of the terminal
(:mod:`~pos_app.demo.services_child`), and realistic sample sales."""
