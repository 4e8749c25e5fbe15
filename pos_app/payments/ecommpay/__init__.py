"""ecommpay: Payment Page URLs and Gate requests for DOKU Wallet, signed callbacks."""
