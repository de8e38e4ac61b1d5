# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'organization_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_OrganizationDialog(object):
    def setupUi(self, OrganizationDialog):
        if not OrganizationDialog.objectName():
            OrganizationDialog.setObjectName(u"OrganizationDialog")
        OrganizationDialog.resize(560, 400)
        self.mainLayout = QVBoxLayout(OrganizationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.nameLabel = QLabel(OrganizationDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(OrganizationDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(300)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.shortNameLabel = QLabel(OrganizationDialog)
        self.shortNameLabel.setObjectName(u"shortNameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.shortNameLabel)

        self.shortNameEdit = QLineEdit(OrganizationDialog)
        self.shortNameEdit.setObjectName(u"shortNameEdit")
        self.shortNameEdit.setMaxLength(100)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.shortNameEdit)

        self.kindLabel = QLabel(OrganizationDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(OrganizationDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.parentLabel = QLabel(OrganizationDialog)
        self.parentLabel.setObjectName(u"parentLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parentCombo = QComboBox(OrganizationDialog)
        self.parentCombo.setObjectName(u"parentCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.parentCombo.sizePolicy().hasHeightForWidth())
        self.parentCombo.setSizePolicy(sizePolicy)
        self.parentCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.parentCombo.setMinimumContentsLength(30)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.parentCombo)

        self.addressLabel = QLabel(OrganizationDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(OrganizationDialog)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(300)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.phoneLabel = QLabel(OrganizationDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(OrganizationDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(30)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.notesLabel = QLabel(OrganizationDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(OrganizationDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(OrganizationDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(OrganizationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.shortNameLabel.setBuddy(self.shortNameEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.parentLabel.setBuddy(self.parentCombo)
        self.addressLabel.setBuddy(self.addressEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.shortNameEdit)
        QWidget.setTabOrder(self.shortNameEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.parentCombo)
        QWidget.setTabOrder(self.parentCombo, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.notesEdit)

        self.retranslateUi(OrganizationDialog)
        self.buttonBox.rejected.connect(OrganizationDialog.reject)

        QMetaObject.connectSlotsByName(OrganizationDialog)
    # setupUi

    def retranslateUi(self, OrganizationDialog):
        OrganizationDialog.setWindowTitle(QCoreApplication.translate("OrganizationDialog", u"C\u01a1 quan, \u0111\u01a1n v\u1ecb", None))
        self.nameLabel.setText(QCoreApplication.translate("OrganizationDialog", u"&T\u00ean:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("OrganizationDialog", u"V\u00ed d\u1ee5: S\u1edf N\u00f4ng nghi\u1ec7p v\u00e0 M\u00f4i tr\u01b0\u1eddng t\u1ec9nh \u0110\u1eafk L\u1eafk", None))
        self.shortNameLabel.setText(QCoreApplication.translate("OrganizationDialog", u"T\u00ean t\u1eaf&t:", None))
        self.shortNameEdit.setPlaceholderText(QCoreApplication.translate("OrganizationDialog", u"V\u00ed d\u1ee5: S\u1edf NN&MT", None))
        self.kindLabel.setText(QCoreApplication.translate("OrganizationDialog", u"&Lo\u1ea1i:", None))
        self.parentLabel.setText(QCoreApplication.translate("OrganizationDialog", u"C\u01a1 quan &c\u1ea5p tr\u00ean:", None))
        self.addressLabel.setText(QCoreApplication.translate("OrganizationDialog", u"\u0110\u1ecb&a ch\u1ec9:", None))
        self.phoneLabel.setText(QCoreApplication.translate("OrganizationDialog", u"\u0110i\u1ec7n t&ho\u1ea1i:", None))
        self.notesLabel.setText(QCoreApplication.translate("OrganizationDialog", u"&Ghi ch\u00fa:", None))
    # retranslateUi

