# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.10.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QFrame, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_SyncImportDialog(object):
    def setupUi(self, SyncImportDialog):
        if not SyncImportDialog.objectName():
            SyncImportDialog.setObjectName(u"SyncImportDialog")
        SyncImportDialog.resize(720, 480)
        self.mainLayout = QVBoxLayout(SyncImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.senderLabel = QLabel(SyncImportDialog)
        self.senderLabel.setObjectName(u"senderLabel")
        self.senderLabel.setStyleSheet(u"font-weight: bold; font-size: 12pt;")
        self.senderLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.senderLabel)

        self.fileLabel = QLabel(SyncImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setWordWrap(True)
        self.fileLabel.setStyleSheet(u"color: #555555;")
        self.fileLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.fileLabel)

        self.trustFrame = QFrame(SyncImportDialog)
        self.trustFrame.setObjectName(u"trustFrame")
        self.trustFrame.setStyleSheet(u"QFrame#trustFrame { background: #fff4ce; border: 1px solid #e0b000; border-radius: 4px; }")
        self.trustLayout = QVBoxLayout(self.trustFrame)
        self.trustLayout.setObjectName(u"trustLayout")
        self.trustLabel = QLabel(self.trustFrame)
        self.trustLabel.setObjectName(u"trustLabel")
        self.trustLabel.setWordWrap(True)

        self.trustLayout.addWidget(self.trustLabel)

        self.fingerprintLabel = QLabel(self.trustFrame)
        self.fingerprintLabel.setObjectName(u"fingerprintLabel")
        self.fingerprintLabel.setStyleSheet(u"font-family: monospace; font-size: 16pt; font-weight: bold;")
        self.fingerprintLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprintLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.trustLayout.addWidget(self.fingerprintLabel)

        self.trustButtonLayout = QHBoxLayout()
        self.trustButtonLayout.setObjectName(u"trustButtonLayout")
        self.trustSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.trustButtonLayout.addItem(self.trustSpacer)

        self.trustButton = QPushButton(self.trustFrame)
        self.trustButton.setObjectName(u"trustButton")

        self.trustButtonLayout.addWidget(self.trustButton)


        self.trustLayout.addLayout(self.trustButtonLayout)


        self.mainLayout.addWidget(self.trustFrame)

        self.statusLabel = QLabel(SyncImportDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.statusLabel)

        self.areasTable = QTableView(SyncImportDialog)
        self.areasTable.setObjectName(u"areasTable")
        self.areasTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.areasTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.areasTable.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.areasTable)

        self.notesLabel = QLabel(SyncImportDialog)
        self.notesLabel.setObjectName(u"notesLabel")
        self.notesLabel.setWordWrap(True)
        self.notesLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.notesLabel)

        self.buttonBox = QDialogButtonBox(SyncImportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Apply|QDialogButtonBox.StandardButton.Cancel)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(SyncImportDialog)
        self.buttonBox.rejected.connect(SyncImportDialog.reject)

        QMetaObject.connectSlotsByName(SyncImportDialog)
    # setupUi

    def retranslateUi(self, SyncImportDialog):
        SyncImportDialog.setWindowTitle(QCoreApplication.translate("SyncImportDialog", u"Nh\u1eadp g\u00f3i \u0111\u1ed3ng b\u1ed9", None))
        self.trustButton.setText(QCoreApplication.translate("SyncImportDialog", u"\u0110\u00e3 \u0111\u1ed1i chi\u1ebfu \u0111\u00fang, &tin c\u1eady v\u0103n ph\u00f2ng n\u00e0y", None))
    # retranslateUi

