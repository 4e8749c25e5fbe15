"""HTTP clients shared by the till: the base client and the relay client."""
