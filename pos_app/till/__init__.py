"""The till's use-cases: checkout, refunds, problem payments, back office, day sales, connection
check; and the terminal assembled from its settings."""
