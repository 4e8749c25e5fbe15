"""Demo mode: the embedded sandbox and relay servers, and realistic sample sales."""
