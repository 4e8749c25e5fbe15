"""Payment providers: signing, HTTP clients, provider events, and the shared vocabulary."""
