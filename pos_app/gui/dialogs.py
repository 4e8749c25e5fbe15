"""Small dialogs shared by the screens. They open window-modal without a nested event loop."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def ask_confirmation(
    parent: QWidget, title: str, text: str, on_yes: Callable[[], None]
) -> QMessageBox:
    """Ask Yes/No (No is the default and Esc); ``on_yes`` runs only if the cashier says Yes."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(
        QCoreApplication.translate("Confirmation", "Yes")
    )
    box.button(QMessageBox.StandardButton.No).setText(
        QCoreApplication.translate("Confirmation", "No")
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    yes = box.button(QMessageBox.StandardButton.Yes)
    box.finished.connect(lambda _result: on_yes() if box.clickedButton() is yes else None)
    box.open()
    return box


def choose_file(
    parent: QWidget,
    title: str,
    name: str,
    file_filter: str,
    on_path: Callable[[str], None],
    *,
    save: bool,
    suffix: str = "",
) -> QFileDialog:
    """A window-modal file dialog (no nested event loop); ``on_path`` gets the file chosen."""
    dialog = QFileDialog(parent, title, name, file_filter)
    dialog.setAcceptMode(
        QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
    )
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    if suffix:
        dialog.setDefaultSuffix(suffix)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(on_path)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
