"""The scanner/search line, category tiles and product tiles on the left of the cashier screen.

A barcode scanner types like a keyboard and presses Enter (or Tab, as a shop may set it up: Tab
on a line holding text is Enter, on an empty line it moves the focus), so the input line is
always ready: Enter on an exact barcode or SKU adds the product (``3*`` first adds three),
anything else filters the tiles as it is typed, and Enter on a search with one hit adds that hit.
Text without a letter (digits, as a scanner sends them, perhaps with a stray character or in
groups) is a code: it must match exactly, never a search hit; digits of a GS1 code with their
check digit wrong (misread or mistyped, an AIM identifier in front or not) are told so, and an
unknown code is named, cut short when it is long.

The catalog is read on the panel's own worker (one thread, so its answers come back in the order
asked), never on the GUI thread: the disk may stall. Typing searches once it pauses for
:data:`SEARCH_DELAY_MS`, so a scanner's burst of digits costs one search, not thirteen; an answer
to an older text than the line now holds is dropped, and at most one search is on its way (the
latest text is asked next). Enter takes the line's text at once and clears the line for the next
scan, also when it is refused (a bad ``N*``): the next scan must not be appended to it. The
look-ups queue in scan order, so fast scans are added in the order scanned.
"""

import logging

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.barcodes import (
    GS1_LENGTHS,
    MeasuredScan,
    symbology,
    ungrouped,
    without_aim_identifier,
)
from pos_app.domain.basket import quantity_in_range
from pos_app.domain.catalog import Product
from pos_app.domain.digits import is_digits
from pos_app.domain.errors import ValidationError
from pos_app.domain.money import format_rupiah
from pos_app.domain.scan_input import split_quantity
from pos_app.domain.texts import N_, say
from pos_app.gui.keys import is_typing
from pos_app.gui.quantity_dialog import quantity_warning
from pos_app.gui.services import Catalog
from pos_app.gui.tasks import SerialRunner

log = logging.getLogger(__name__)

TOUCH_TARGET = 48
"""Smallest side, in pixels, of anything meant to be tapped."""
SEARCH_LIMIT = 50
SEARCH_DELAY_MS = 25
"""A scanner types a code within a few milliseconds: search once it pauses, not per digit."""
CATEGORY_TILE_LIMIT = 200
"""More tiles than this are no help to a cashier; the search line finds the rest."""
CATEGORY_COLUMNS = 4
SHOWN_CODE_LENGTH = 40
"""An unknown code is named in at most this many characters: a paste of thousands must not widen
the notice past the screen."""
CATEGORY_PROPERTY = "category"
"""The category a tile stands for (its text doubles ``&``, which Qt reads as a mnemonic)."""

ModelIndex = QModelIndex | QPersistentModelIndex
Label = tuple[Product, MeasuredScan]


class ProductListModel(QAbstractListModel):
    """The products the tiles show: a search result or one category."""

    ProductRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._products: list[Product] = []

    @property
    def products(self) -> list[Product]:
        return list(self._products)

    def set_products(self, products: list[Product]) -> None:
        self.beginResetModel()
        self._products = list(products)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._products)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        product = self._products[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return product.name
        if role == Qt.ItemDataRole.ToolTipRole:
            code = product.barcode or product.sku
            return f"{product.name}\n{code}\n{format_rupiah(product.price)}"
        if role == self.ProductRole:
            return product
        return None


class ProductTileDelegate(QStyledItemDelegate):
    """Paints a product as a tile: its name (up to two lines) and its price."""

    TILE = QSize(166, 72)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return self.TILE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        product = index.data(ProductListModel.ProductRole)
        if not isinstance(product, Product):
            return
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        tile = option.rect.adjusted(3, 3, -3, -3)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(
            palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Button)
        )
        painter.drawRoundedRect(tile, 6, 6)
        role = QPalette.ColorRole
        painter.setPen(palette.color(role.HighlightedText if selected else role.ButtonText))
        inner = tile.adjusted(8, 5, -8, -5)
        line_height = option.fontMetrics.lineSpacing()
        name_box = QRect(inner.left(), inner.top(), inner.width(), 2 * line_height)
        painter.setClipRect(name_box)
        painter.drawText(
            name_box, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, product.name
        )
        painter.setClipping(False)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(
            inner,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
            format_rupiah(product.price),
        )
        painter.restore()


class ProductPanel(QWidget):
    """Emits ``product_chosen(product, quantity)``; unknown codes show inline, never modally."""

    product_chosen = Signal(object, int)
    label_scanned = Signal(object, object)
    """A scale's label: its product and the :class:`MeasuredScan` (price or weight) it carries."""
    unknown_code = Signal(str)

    def __init__(
        self,
        catalog: Catalog,
        parent: QWidget | None = None,
        *,
        typing_pause_ms: int = SEARCH_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._worker = SerialRunner(self, name="catalog")
        self._text_version = 0
        """Counts changes to the input line: an answer asked for an older one is stale."""
        self._searching = False
        self._search_again = False
        self._tiles_wanted = False
        """Down was pressed before the search it asked for came back."""
        self.input = QLineEdit()
        self.input.setObjectName("scanInput")
        self.input.setPlaceholderText(self.tr("Scan a barcode or type to search — 3* adds three"))
        self.input.setClearButtonEnabled(True)
        self.input.setMinimumHeight(TOUCH_TARGET)
        font = self.input.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.input.setFont(font)
        self.message = QLabel()
        self.message.setObjectName("scanMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(
            "QLabel { background: #fde2e1; color: #8a1c14; padding: 6px; border-radius: 4px; }"
        )
        self.message.hide()

        self._category: str | None = None
        self._category_products: list[Product] = []
        self.categories = QButtonGroup(self)
        self.categories.setExclusive(True)
        self._category_grid = QGridLayout()
        self._category_grid.setSpacing(6)
        self.categories.buttonClicked.connect(self._show_category)

        self.model = ProductListModel(self)
        self.tiles = QListView()
        self.tiles.setObjectName("productTiles")
        self.tiles.setModel(self.model)
        self.tiles.setItemDelegate(ProductTileDelegate(self.tiles))
        self.tiles.setViewMode(QListView.ViewMode.IconMode)
        self.tiles.setFlow(QListView.Flow.LeftToRight)
        self.tiles.setWrapping(True)
        self.tiles.setResizeMode(QListView.ResizeMode.Adjust)
        self.tiles.setMovement(QListView.Movement.Static)
        self.tiles.setUniformItemSizes(True)
        self.tiles.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tiles.clicked.connect(self._choose_index)
        self.tiles.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.input)
        layout.addWidget(self.message)
        layout.addLayout(self._category_grid)
        layout.addWidget(self.tiles, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(typing_pause_ms)
        self._search_timer.timeout.connect(self._search_now)
        self.input.textChanged.connect(self._text_changed)
        self.input.returnPressed.connect(self._enter)
        self.input.installEventFilter(self)
        self.setFocusProxy(self.input)
        self._worker.run(
            lambda: _categories(catalog, None),
            lambda known: self._categories_known(None, known),
            self._failed,
        )

    @property
    def settled(self) -> bool:
        """Nothing typed or scanned is still waiting for the catalog's answer."""
        return not self._search_timer.isActive() and not self._worker.pending

    def reload(self) -> None:
        """The catalogue changed (the back office): categories, tiles and hits are read again."""
        catalog, category = self._catalog, self._category
        self._worker.run(
            lambda: _categories(catalog, category),
            lambda known: self._categories_known(category, known),
            self._failed,
        )
        if split_quantity(self.input.text())[1]:
            self._search_now()

    def focus_input(self) -> None:
        self.input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.input.selectAll()

    def show_message(self, text: str) -> None:
        """A non-blocking notice under the input line; it goes away when the cashier types."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def forward_typing(self, source: QWidget) -> None:
        """Send what is typed on ``source`` to the input line instead: the basket table, or a
        receipt shown after a sale, which closes when the next customer's first item is scanned
        (a scanner's digits would be lost on it)."""
        source.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if event.type() == QEvent.Type.ShortcutOverride:
            # Delete on an empty input line belongs to the window (remove the selected line).
            return watched is self.input and key == Qt.Key.Key_Delete and not self.input.text()
        if event.type() != QEvent.Type.KeyPress:
            return False
        if watched is self.input:
            if key == Qt.Key.Key_Down:
                if self._search_timer.isActive() or self._searching:
                    self._tiles_wanted = True
                    self._search_now()
                elif self.model.rowCount():
                    self._enter_tiles()
                return True
            if key == Qt.Key.Key_Escape and self.input.text():
                self._reset()
                return True
            tab = key == Qt.Key.Key_Tab and event.modifiers() == Qt.KeyboardModifier.NoModifier
            if tab and self.input.text().strip():
                self._enter()
                return True
            return False
        if watched is self.tiles and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose_index(self.tiles.currentIndex())
            return True
        if watched is self.tiles and key == Qt.Key.Key_Escape:
            self.focus_input()
            return True
        if is_typing(event):
            over = watched.window() if isinstance(watched, QWidget) else None
            if isinstance(over, QDialog) and over is not self.window():
                over.reject()
            self.input.setFocus(Qt.FocusReason.OtherFocusReason)
            QApplication.sendEvent(self.input, QKeyEvent(event))
            return True
        return False

    def _text_changed(self, text: str) -> None:
        self._text_version += 1
        self._tiles_wanted = False
        if text:
            self.show_message("")
        _, query = split_quantity(text)
        if query and self._search_timer.interval():
            self._search_timer.start()
        elif query:  # no typing pause: ask now, while the GUI thread paints the typed text
            self._search_now()
        else:
            self._search_timer.stop()
            self._check_category(self._category)
            self.model.set_products(self._category_products)

    def _search_now(self) -> None:
        """Ask the worker for the line's hits, unless a search is on its way: then ask again
        when it is back, for whatever the line holds by then."""
        self._search_timer.stop()
        _, query = split_quantity(self.input.text())
        if not query:
            return
        if self._searching:
            self._search_again = True
            return
        self._searching = True
        version, catalog = self._text_version, self._catalog
        self._worker.run(
            lambda: catalog.search(query, SEARCH_LIMIT),
            lambda found: self._searched(version, found),
            lambda error: self._searched(version, None, error),
        )

    def _searched(
        self, version: int, found: list[Product] | None, error: Exception | None = None
    ) -> None:
        self._searching = False
        if self._search_again:
            self._search_again = False
            self._search_now()
        if error is not None:
            log.warning("search failed: %s", error)
        if found is None or version != self._text_version:
            return
        self._check_category(None)
        self.model.set_products(found)
        if self._tiles_wanted:
            self._tiles_wanted = False
            if self.model.rowCount():
                self._enter_tiles()

    def _categories_known(
        self, wanted: str | None, known: tuple[list[str], str | None, list[Product]]
    ) -> None:
        """A button per category, and the tiles of the one shown (the first at the start), unless
        the cashier chose another category while they were read."""
        names, shown, products = known
        for button in self.categories.buttons():
            self.categories.removeButton(button)
            button.deleteLater()
        for position, name in enumerate(names):
            button = QPushButton(name.replace("&", "&&"))
            button.setProperty(CATEGORY_PROPERTY, name)
            button.setCheckable(True)
            button.setMinimumHeight(TOUCH_TARGET)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.categories.addButton(button)
            self._category_grid.addWidget(button, *divmod(position, CATEGORY_COLUMNS))
        if self._category != wanted:
            self._check_category(self._category)
            return
        self._category, self._category_products = None, []
        if shown is not None:
            self._category_loaded(shown, products)
        elif not split_quantity(self.input.text())[1]:
            self.model.set_products([])

    def _show_category(self, button: QPushButton) -> None:
        name = button.property(CATEGORY_PROPERTY)
        self._category, self._category_products = name, []
        catalog = self._catalog
        self._worker.run(
            lambda: catalog.by_category(name),
            lambda products: self._category_loaded(name, products),
            self._failed,
        )
        quantity, _ = split_quantity(self.input.text())
        self.input.blockSignals(True)
        self.input.setText(f"{quantity}*" if quantity != 1 else "")
        self.input.blockSignals(False)
        self._text_changed(self.input.text())
        self.focus_input()

    def _category_loaded(self, name: str, products: list[Product]) -> None:
        """A category's tiles, kept: they come back after every scan clears the line."""
        if self._category not in (None, name):
            return  # another category was chosen meanwhile
        self._category = name
        self._category_products = products[:CATEGORY_TILE_LIMIT]
        if not split_quantity(self.input.text())[1]:
            self._check_category(name)
            self.model.set_products(self._category_products)

    def _check_category(self, name: str | None) -> None:
        """Show which category the tiles come from; none while they show a search."""
        self.categories.setExclusive(False)
        for button in self.categories.buttons():
            button.setChecked(button.property(CATEGORY_PROPERTY) == name)
        self.categories.setExclusive(True)

    def _enter(self) -> None:
        """Take the line's text, clear the line for the next scan, and look the text up."""
        text = self.input.text()
        quantity, query = split_quantity(text)
        if not query:
            if text.strip():
                self._refuse_line(
                    self.tr("Scan or type a product after {quantity}*").format(quantity=quantity)
                )
            return
        if not quantity_in_range(quantity):
            self._refuse_line(quantity_warning())
            return
        self._reset()
        catalog = self._catalog
        self._worker.run(
            lambda: _look_up(catalog, query),
            lambda found: self._looked_up(text, query, quantity, found),
            lambda error: self._failed(error, query),
        )

    def _looked_up(
        self, text: str, query: str, quantity: int, found: Product | list[Product] | Label
    ) -> None:
        if isinstance(found, tuple):
            if quantity != 1:  # "3*" before a label would ring up one, the customer paying for one
                self._refuse_line(
                    say(
                        N_("{name} is priced by its label: scan each label instead of a quantity"),
                        name=found[0].name,
                    )
                )
                return
            self.label_scanned.emit(*found)
            return
        if isinstance(found, list) and len(found) == 1:
            found = found[0]
        if isinstance(found, Product):
            self._choose(found, quantity)
        elif not found:
            self._reject_code(query)
        elif not self.input.text() and not self._worker.pending:
            # Several hits for a name: back on the line, the cashier picks a tile.
            self.input.blockSignals(True)
            self.input.setText(text)
            self.input.blockSignals(False)
            self._text_version += 1
            self._check_category(None)
            self.model.set_products(found)
            self._enter_tiles()

    def _failed(self, error: Exception, code: str = "") -> None:
        """The catalog could not answer (a disk or database error), or refused the code (a scale
        label with its verifier digit wrong, which must ring up no price): a scan must not pass
        unnoticed, so it is refused aloud, saying why when the catalog said."""
        if isinstance(error, ValidationError) and code:
            self._reject_code(code, str(error))
            return
        log.error("catalog look-up failed: %s", error)
        if code:
            self._reject_code(code)

    def _choose_index(self, index: QModelIndex) -> None:
        product = index.data(ProductListModel.ProductRole) if index.isValid() else None
        if not isinstance(product, Product):
            return
        quantity, _ = split_quantity(self.input.text())
        self.focus_input()
        if not quantity_in_range(quantity):
            self._refuse_line(quantity_warning())
            return
        self._reset()
        self._choose(product, quantity)

    def _choose(self, product: Product, quantity: int) -> None:
        """A product kept under a scale-label code is priced by its label, never by count."""
        if self._catalog.layout.kind_of(product.barcode) is None:
            self.product_chosen.emit(product, quantity)
            return
        self.show_message(
            self.tr("{name} is priced by the scale: scan its label.").format(name=product.name)
        )
        QApplication.beep()

    def _enter_tiles(self) -> None:
        self.tiles.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.tiles.currentIndex().isValid():
            self.tiles.setCurrentIndex(self.model.index(0))

    def _reject_code(self, code: str, refused: str | None = None) -> None:
        """``code`` rings up nothing: ``refused`` says why, else a check digit or its absence."""
        misread = _check_digit_problem(code)
        if refused is not None:
            text = refused
        elif misread is not None:
            text = self.tr("{problem}. Scan it again or type it.").format(problem=misread)
        else:
            shown = code if len(code) <= SHOWN_CODE_LENGTH else code[:SHOWN_CODE_LENGTH] + "…"
            text = self.tr("No product with code or name “{code}”.").format(code=shown)
        self.show_message(text)
        QApplication.beep()
        # Focus without selecting: the next scan may have begun typing into the line already.
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)
        self.unknown_code.emit(code)

    def _reset(self) -> None:
        self.input.clear()
        self.show_message("")

    def _refuse_line(self, text: str) -> None:
        """Enter refused: the line is cleared for the next scan, and the notice says why."""
        self.input.clear()
        self.show_message(text)
        QApplication.beep()


def _categories(
    catalog: Catalog, wanted: str | None
) -> tuple[list[str], str | None, list[Product]]:
    """The category names, and the one to show (``wanted`` while it exists, else the first) with
    its products."""
    names = catalog.categories()
    shown = wanted if wanted in names else (names[0] if names else None)
    return names, shown, catalog.by_category(shown) if shown is not None else []


def _look_up(catalog: Catalog, query: str) -> Product | list[Product] | Label:
    """What Enter on ``query`` names: a scale's label, the product with that code, else (unless
    the query has no letter, so is a code, which must match exactly) the search hits: digits
    with a stray character would otherwise find a product whose barcode starts with them."""
    label = catalog.read_label(query)
    if label is not None:
        return label
    product = catalog.find_by_code(query)
    if product is not None:
        return product
    return catalog.search(query, SEARCH_LIMIT) if any(c.isalpha() for c in query) else []


def _check_digit_problem(code: str) -> str | None:
    """Why digits of a GS1 code's length (in groups or not, after the AIM identifier a scanner
    may send) are no code: the check digit."""
    digits = ungrouped(without_aim_identifier(code))
    if not is_digits(digits) or len(digits) not in GS1_LENGTHS:
        return None
    try:
        symbology(digits)
    except ValidationError as error:
        return str(error)
    return None
