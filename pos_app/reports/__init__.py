"""Reports over the terminal's store: the daily sales CSV, the Z report (day close), the products
CSV, and the safe, atomic CSV writing they share. Qt-free: the back-office screens call these."""
