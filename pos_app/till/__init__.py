"""The till's use-cases, one module each (checkout, refunds, returns, problem payments, the back
office, receipts, uploads…), and the terminal assembled from its settings. docs/architecture.md
(The layers) names every module."""
