"""The demo sandbox's credentials, printed in its documentation (docs/sandbox.md): the sandbox and
the terminal's demo mode use them. Anyone may read them, so they protect nothing, and a relay
serving real providers refuses them (``relay.config.secret_problems``)."""

DEMO_DOKU_CLIENT_ID = "MCH-DEMO-KASIR-0001"
DEMO_DOKU_SECRET_KEY = "SK-DEMO-kasir-doku-sandbox"
DEMO_ECOMMPAY_PROJECT_ID = 4242
DEMO_ECOMMPAY_SECRET_KEY = "demo-kasir-ecommpay-sandbox"
