# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_export_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_SyncExportDialog(object):
    def setupUi(self, SyncExportDialog):
        if not SyncExportDialog.objectName():
            SyncExportDialog.setObjectName(u"SyncExportDialog")
        SyncExportDialog.resize(560, 250)
        self.mainLayout = QVBoxLayout(SyncExportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.recipientLabel = QLabel(SyncExportDialog)
        self.recipientLabel.setObjectName(u"recipientLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.recipientLabel)

        self.recipientCombo = QComboBox(SyncExportDialog)
        self.recipientCombo.setObjectName(u"recipientCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.recipientCombo)

        self.folderLabel = QLabel(SyncExportDialog)
        self.folderLabel.setObjectName(u"folderLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderLayout = QHBoxLayout()
        self.folderLayout.setObjectName(u"folderLayout")
        self.folderEdit = QLineEdit(SyncExportDialog)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderLayout.addWidget(self.folderEdit)

        self.browseButton = QPushButton(SyncExportDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.folderLayout.addWidget(self.browseButton)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.folderLayout)

        self.fullCheck = QCheckBox(SyncExportDialog)
        self.fullCheck.setObjectName(u"fullCheck")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.fullCheck)


        self.mainLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(SyncExportDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setStyleSheet(u"color: #555555;")

        self.mainLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(SyncExportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(SyncExportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.recipientLabel.setBuddy(self.recipientCombo)
        self.folderLabel.setBuddy(self.folderEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.recipientCombo, self.folderEdit)
        QWidget.setTabOrder(self.folderEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.fullCheck)

        self.retranslateUi(SyncExportDialog)
        self.buttonBox.rejected.connect(SyncExportDialog.reject)

        QMetaObject.connectSlotsByName(SyncExportDialog)
    # setupUi

    def retranslateUi(self, SyncExportDialog):
        SyncExportDialog.setWindowTitle(QCoreApplication.translate("SyncExportDialog", u"Xu\u1ea5t g\u00f3i \u0111\u1ed3ng b\u1ed9", None))
        self.recipientLabel.setText(QCoreApplication.translate("SyncExportDialog", u"&G\u1eedi cho:", None))
        self.folderLabel.setText(QCoreApplication.translate("SyncExportDialog", u"&L\u01b0u v\u00e0o th\u01b0 m\u1ee5c:", None))
        self.browseButton.setText(QCoreApplication.translate("SyncExportDialog", u"&Ch\u1ecdn\u2026", None))
        self.fullCheck.setText(QCoreApplication.translate("SyncExportDialog", u"G\u00f3i \u0111\u1ea7y \u0111\u1ee7 (m\u1ecdi thay \u0111\u1ed5i, k\u1ec3 c\u1ea3 nh\u1eefng g\u00ec v\u0103n ph\u00f2ng nh\u1eadn \u0111\u00e3 c\u00f3)", None))
        self.hintLabel.setText(QCoreApplication.translate("SyncExportDialog", u"Th\u01b0\u1eddng ch\u1ec9 c\u1ea7n g\u00f3i c\u00e1c thay \u0111\u1ed5i m\u00e0 v\u0103n ph\u00f2ng nh\u1eadn ch\u01b0a x\u00e1c nh\u1eadn. Ch\u1ecdn g\u00f3i \u0111\u1ea7y \u0111\u1ee7 khi v\u0103n ph\u00f2ng nh\u1eadn c\u00e0i l\u1ea1i m\u00e1y ho\u1eb7c m\u1ea5t d\u1eef li\u1ec7u.", None))
    # retranslateUi

