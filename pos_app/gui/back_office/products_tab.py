"""The Products tab: find a product, add one, change its barcode (scanned into the field), name,
category, price or tax class, take it off sale and back on; import the catalogue from CSV (all or
nothing: every bad line is listed with its number) or export it. Each change reaches the cashier's
tiles at once (``products_changed``).

Two products kept under two forms of one code (an older version let that be; the store refuses it
now) are listed above the form: a scan finds only one of them, so the manager gives one another
barcode."""

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.barcodes import MeasureKind
from pos_app.domain.catalog import Product
from pos_app.domain.catalog_csv import CatalogImportError
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import MAX_AMOUNT, format_rupiah, parse_rupiah
from pos_app.domain.tax import TaxClass
from pos_app.gui.back_office.widgets import (
    RowsModel,
    Tab,
    choose_file,
    selected_key,
    table_view,
)
from pos_app.gui.dialogs import ask_confirmation
from pos_app.gui.tasks import TaskRunner
from pos_app.reports.products_csv import ImportSummary
from pos_app.store.products import BarcodeConflict
from pos_app.till.back_office import BackOffice

SEARCH_DELAY_MS = 200
CONFLICTS_SHOWN = 5
"""More pairs than this are counted, not listed: the table must keep its room."""
PRICE_MAX_LENGTH = len(format_rupiah(MAX_AMOUNT) + ",00")
"""The longest price a provider takes, written out: a longer paste is cut, so thousands of digits
are refused as a price too high (or malformed) instead of failing to become a number."""


class ImportProblemsDialog(QDialog):
    """Every bad line of a refused import, by line number; nothing was imported."""

    def __init__(self, file_name: str, problems: list[tuple[int, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import refused"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.problems = problems
        intro = QLabel(
            self.tr(
                "{file}: nothing was imported. Correct these lines and import the file again:"
            ).format(file=file_name)
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(problems), 2)
        self.table.setObjectName("importProblems")
        self.table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Problem")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, (line, reason) in enumerate(problems):
            number = QTableWidgetItem(str(line) if line else self.tr("file"))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, number)
            self.table.setItem(row, 1, QTableWidgetItem(reason))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(640, 360)


class ProductsTab(Tab):
    """``products_changed`` follows every change that is saved, so the cashier's tiles follow."""

    products_changed = Signal()

    def __init__(self, office: BackOffice, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(office, tasks, parent)
        self.search = QLineEdit()
        self.search.setObjectName("productSearch")
        self.search.setPlaceholderText(self.tr("Search by name, SKU or barcode"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        new_button = QPushButton(self.tr("New product"))
        new_button.setObjectName("newProduct")
        new_button.clicked.connect(self.start_new)
        import_button = QPushButton(self.tr("Import CSV…"))
        import_button.setObjectName("importProducts")
        import_button.clicked.connect(self._ask_import)
        export_button = QPushButton(self.tr("Export CSV…"))
        export_button.setObjectName("exportProducts")
        export_button.clicked.connect(self._ask_export)

        self.products = RowsModel(
            [
                self.tr("SKU"),
                self.tr("Barcode"),
                self.tr("Name"),
                self.tr("Category"),
                self.tr("Price"),
                self.tr("On sale"),
            ],
            right=[4],
            parent=self,
        )
        self.view = table_view(self.products, "productsTable")
        self.conflicts = QLabel()
        self.conflicts.setObjectName("barcodeConflicts")
        self.conflicts.setWordWrap(True)
        self.conflicts.hide()
        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.sku = QLineEdit()
        self.sku.setObjectName("productSku")
        self.barcode = QLineEdit()
        self.barcode.setObjectName("productBarcode")
        self.barcode.setPlaceholderText(
            self.tr("Scan or type: EAN-13, EAN-8, UPC-A, UPC-E or an in-store code")
        )
        self.name = QLineEdit()
        self.name.setObjectName("productName")
        self.barcode.returnPressed.connect(lambda: self.name.setFocus())
        self.category = QComboBox()
        self.category.setObjectName("productCategory")
        self.category.setEditable(True)
        self.price = QLineEdit()
        self.price.setObjectName("productPrice")
        self.price.setMaxLength(PRICE_MAX_LENGTH)
        self.price_note = QLabel()
        self.price_note.setObjectName("productPriceNote")
        self.tax_class = QComboBox()
        self.tax_class.setObjectName("productTaxClass")
        for text, tax_class in (
            (self.tr("PPN at the standard rate"), TaxClass.STANDARD),
            (self.tr("PPN at the other rate"), TaxClass.OTHER),
            (self.tr("Exempt from PPN"), TaxClass.EXEMPT),
        ):
            self.tax_class.addItem(text, tax_class)
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.setObjectName("saveProduct")
        self.save_button.clicked.connect(self.save)
        self.deactivate_button = QPushButton(self.tr("Take off sale…"))
        self.deactivate_button.setObjectName("deactivateProduct")
        self.deactivate_button.clicked.connect(self._ask_deactivate)
        self.reactivate_button = QPushButton(self.tr("Put back on sale"))
        self.reactivate_button.setObjectName("reactivateProduct")
        self.reactivate_button.clicked.connect(self.reactivate)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(new_button)
        top.addWidget(import_button)
        top.addWidget(export_button)
        form = QFormLayout()
        form.addRow(self.tr("SKU"), self.sku)
        form.addRow(self.tr("Barcode"), self.barcode)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Price"), self.price)
        form.addRow("", self.price_note)
        form.addRow(self.tr("Tax"), self.tax_class)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.deactivate_button)
        buttons.addWidget(self.reactivate_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.conflicts)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.shown: dict[str, Product] = {}
        self.adding = False
        """The form holds a new product, not the selected one."""
        self._select_next: str | None = None
        self._set_editing(None)
        self.barcode.textChanged.connect(self._explain_price)

    def refresh(self) -> None:
        super().refresh()
        text = self.search.text()
        office = self.office
        self.run(
            lambda: (
                office.products(text),
                office.categories(),
                office.store.products.barcode_conflicts(),
            ),
            self._show,
        )

    def _show(self, answer: tuple[list[Product], list[str], list[BarcodeConflict]]) -> None:
        products, categories, conflicts = answer
        self._show_conflicts(conflicts)
        selected = self._select_next or selected_key(self.view)
        self._select_next = None
        self.shown = {product.sku: product for product in products}
        self.products.set_rows(
            [
                [
                    p.sku,
                    p.barcode,
                    p.name,
                    p.category,
                    format_rupiah(p.price),
                    self.tr("yes") if p.active else self.tr("no"),
                ]
                for p in products
            ],
            [p.sku for p in products],
        )
        current = self.category.currentText()
        self.category.clear()
        self.category.addItems(categories)
        self.category.setCurrentText(current)
        if selected in self.shown:
            self.select(selected)
        elif not self.adding:
            self._set_editing(None)

    def _show_conflicts(self, conflicts: list[BarcodeConflict]) -> None:
        lines = [
            self.tr(
                "{first} ({first_barcode}) and {second} ({second_barcode}) have one barcode in two "
                "forms: a scan finds only one of them. Give one of them another barcode."
            ).format(
                first=conflict.skus[0],
                first_barcode=conflict.barcodes[0],
                second=conflict.skus[1],
                second_barcode=conflict.barcodes[1],
            )
            for conflict in conflicts[:CONFLICTS_SHOWN]
        ]
        if len(conflicts) > CONFLICTS_SHOWN:
            lines.append(
                self.tr("… and {count} more such pairs.").format(
                    count=len(conflicts) - CONFLICTS_SHOWN
                )
            )
        self.conflicts.setText("\n".join(lines))
        self.conflicts.setVisible(bool(lines))

    def select(self, sku: str) -> None:
        row = list(self.shown).index(sku)
        self.view.selectRow(row)

    def editing(self) -> Product | None:
        sku = selected_key(self.view)
        return self.shown.get(sku) if sku is not None else None

    def start_new(self) -> None:
        """An empty form for a new product; the cursor waits in the barcode field for a scan."""
        self.view.clearSelection()
        self.adding = True
        self._set_editing(None)
        self.barcode.setFocus()

    def _selected(self) -> None:
        product = self.editing()
        if product is not None or not self.adding:
            self.adding = False
            self._set_editing(product)

    def _set_editing(self, product: Product | None) -> None:
        open_form = product is not None or self.adding
        for widget in (
            self.barcode,
            self.name,
            self.category,
            self.price,
            self.tax_class,
            self.save_button,
        ):
            widget.setEnabled(open_form)
        self.sku.setEnabled(self.adding)
        self.save_button.setText(self.tr("Add product") if self.adding else self.tr("Save changes"))
        self.deactivate_button.setEnabled(product is not None and product.active)
        self.reactivate_button.setEnabled(product is not None and not product.active)
        if product is None:
            for field in (self.sku, self.barcode, self.name, self.price):
                field.clear()
            self.category.setCurrentText("")
            self._show_tax_class(TaxClass.STANDARD)
            return
        self.sku.setText(product.sku)
        self.barcode.setText(product.barcode)
        self.name.setText(product.name)
        self.category.setCurrentText(product.category)
        self.price.setText(str(product.price))
        self._show_tax_class(product.tax_class)

    def _show_tax_class(self, tax_class: TaxClass) -> None:
        self.tax_class.setCurrentIndex(self.tax_class.findData(tax_class))

    def _explain_price(self, barcode: str) -> None:
        """A product kept under a scale's weight-label code is priced per kilogram."""
        kind = self.office.terminal.settings.barcodes.kind_of(barcode.strip())
        notes = {
            MeasureKind.WEIGHT: self.tr("Sold by weight: the price is per kilogram."),
            MeasureKind.PRICE: self.tr("Priced by the scale: its label carries the price."),
        }
        self.price_note.setText(notes[kind] if kind else "")

    def save(self) -> None:
        try:
            price = parse_rupiah(self.price.text())
        except ValidationError as error:
            self.say_error(error)
            return
        sku, barcode = self.sku.text().strip(), self.barcode.text().strip()
        name, category = self.name.text(), self.category.currentText()
        tax_class = TaxClass(self.tax_class.currentData())
        if self.adding:
            try:
                product = Product(
                    sku, name.strip(), price, barcode, category.strip(), tax_class=tax_class
                )
            except ValidationError as error:
                self.say_error(error)
                return
            self.run(
                lambda: self.office.add_product(product),
                lambda added: self._changed(
                    self.tr("{sku} added.").format(sku=added.sku), added.sku
                ),
            )
            return
        editing = self.editing()
        if editing is None:
            return
        self.run(
            lambda: self.office.save_product(
                editing.sku,
                name=name,
                category=category,
                price=price,
                barcode=barcode,
                tax_class=tax_class,
            ),
            lambda saved: self._changed(self.tr("{sku} saved.").format(sku=saved.sku), saved.sku),
        )

    def reactivate(self) -> None:
        product = self.editing()
        if product is None:
            return
        self.run(
            lambda: self.office.reactivate_product(product.sku),
            lambda done: self._changed(
                self.tr("{sku} is on sale again.").format(sku=done.sku), done.sku
            ),
        )

    def _ask_deactivate(self) -> None:
        product = self.editing()
        if product is None:
            return
        ask_confirmation(
            self,
            self.tr("Take off sale"),
            self.tr(
                "Take {name} ({sku}) off sale? It can no longer be sold; past sales keep it."
            ).format(name=product.name, sku=product.sku),
            lambda: self.run(
                lambda: self.office.deactivate_product(product.sku),
                lambda done: self._changed(
                    self.tr("{sku} is off sale.").format(sku=done.sku), done.sku
                ),
            ),
        )

    def _changed(self, text: str, sku: str | None = None) -> None:
        """Saved: the list is read again (with ``sku`` selected) and the till told."""
        self.adding = False
        self._select_next = sku
        if sku is not None and sku not in self.shown:
            self.search.setText(sku)
        self.say(text)
        self.refresh()
        self.products_changed.emit()

    def _ask_import(self) -> None:
        choose_file(
            self,
            self.tr("Import products from CSV"),
            "",
            self.tr("CSV files (*.csv)"),
            self.import_file,
            save=False,
        )

    def import_file(self, path: str) -> None:
        self.say(self.tr("Importing {path}…").format(path=path))
        self.run(
            lambda: self.office.import_products(Path(path)),
            self._imported,
            lambda error: self._import_failed(path, error),
        )

    def _imported(self, summary: ImportSummary) -> None:
        self._changed(
            self.tr("Imported {products} products; {changed} new or changed.").format(
                products=summary.products, changed=summary.changed
            )
        )

    def _import_failed(self, path: str, error: Exception) -> None:
        if isinstance(error, CatalogImportError):
            self.say_error(
                self.tr("Nothing was imported: {count} lines have problems.").format(
                    count=len(error.problems)
                )
            )
            ImportProblemsDialog(Path(path).name, error.problems, self).show()
        else:
            self.say_error(self.tr("Nothing was imported: {error}").format(error=error))

    def _ask_export(self) -> None:
        choose_file(
            self,
            self.tr("Export products as CSV"),
            "products.csv",
            self.tr("CSV files (*.csv)"),
            self.export_file,
            save=True,
            suffix="csv",
        )

    def export_file(self, path: str) -> None:
        self.run(
            lambda: self.office.export_products(Path(path)),
            lambda count: self.say(
                self.tr("Exported {count} products to {path}.").format(count=count, path=path)
            ),
        )
