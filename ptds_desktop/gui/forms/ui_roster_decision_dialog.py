# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'roster_decision_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

from ptds_desktop.gui.date_field import DateField

class Ui_RosterDecisionDialog(object):
    def setupUi(self, RosterDecisionDialog):
        if not RosterDecisionDialog.objectName():
            RosterDecisionDialog.setObjectName(u"RosterDecisionDialog")
        RosterDecisionDialog.resize(760, 560)
        self.mainLayout = QVBoxLayout(RosterDecisionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.kindLabel = QLabel(RosterDecisionDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(RosterDecisionDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.numberLabel = QLabel(RosterDecisionDialog)
        self.numberLabel.setObjectName(u"numberLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.numberEdit = QLineEdit(RosterDecisionDialog)
        self.numberEdit.setObjectName(u"numberEdit")
        self.numberEdit.setMaxLength(50)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.numberEdit)

        self.dateLabel = QLabel(RosterDecisionDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = DateField(RosterDecisionDialog)
        self.dateEdit.setObjectName(u"dateEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.issuedByLabel = QLabel(RosterDecisionDialog)
        self.issuedByLabel.setObjectName(u"issuedByLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.issuedByLabel)

        self.issuedByEdit = QLineEdit(RosterDecisionDialog)
        self.issuedByEdit.setObjectName(u"issuedByEdit")
        self.issuedByEdit.setMaxLength(200)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.issuedByEdit)

        self.signerNameLabel = QLabel(RosterDecisionDialog)
        self.signerNameLabel.setObjectName(u"signerNameLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.signerNameLabel)

        self.signerNameEdit = QLineEdit(RosterDecisionDialog)
        self.signerNameEdit.setObjectName(u"signerNameEdit")
        self.signerNameEdit.setMaxLength(150)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.signerNameEdit)

        self.signerTitleLabel = QLabel(RosterDecisionDialog)
        self.signerTitleLabel.setObjectName(u"signerTitleLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.signerTitleLabel)

        self.signerTitleEdit = QLineEdit(RosterDecisionDialog)
        self.signerTitleEdit.setObjectName(u"signerTitleEdit")
        self.signerTitleEdit.setMaxLength(200)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.signerTitleEdit)

        self.summaryLabel = QLabel(RosterDecisionDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summaryEdit = QLineEdit(RosterDecisionDialog)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setMaxLength(500)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.fileLabel = QLabel(RosterDecisionDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEdit = QLineEdit(RosterDecisionDialog)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileLayout.addWidget(self.fileEdit)

        self.fileButton = QPushButton(RosterDecisionDialog)
        self.fileButton.setObjectName(u"fileButton")
        self.fileButton.setAutoDefault(False)

        self.fileLayout.addWidget(self.fileButton)

        self.clearFileButton = QPushButton(RosterDecisionDialog)
        self.clearFileButton.setObjectName(u"clearFileButton")
        self.clearFileButton.setAutoDefault(False)

        self.fileLayout.addWidget(self.clearFileButton)


        self.formLayout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.fileLayout)


        self.mainLayout.addLayout(self.formLayout)

        self.membersGroup = QGroupBox(RosterDecisionDialog)
        self.membersGroup.setObjectName(u"membersGroup")
        self.membersLayout = QVBoxLayout(self.membersGroup)
        self.membersLayout.setObjectName(u"membersLayout")
        self.currentLabel = QLabel(self.membersGroup)
        self.currentLabel.setObjectName(u"currentLabel")
        self.currentLabel.setWordWrap(True)

        self.membersLayout.addWidget(self.currentLabel)

        self.currentTable = QTableView(self.membersGroup)
        self.currentTable.setObjectName(u"currentTable")
        self.currentTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.currentTable.setAlternatingRowColors(True)
        self.currentTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.currentTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.currentTable.setWordWrap(False)

        self.membersLayout.addWidget(self.currentTable)

        self.newLabel = QLabel(self.membersGroup)
        self.newLabel.setObjectName(u"newLabel")
        self.newLabel.setWordWrap(True)

        self.membersLayout.addWidget(self.newLabel)

        self.newTable = QTableView(self.membersGroup)
        self.newTable.setObjectName(u"newTable")
        self.newTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.newTable.setAlternatingRowColors(True)
        self.newTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.newTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.newTable.setWordWrap(False)

        self.membersLayout.addWidget(self.newTable)

        self.newButtonsLayout = QHBoxLayout()
        self.newButtonsLayout.setObjectName(u"newButtonsLayout")
        self.addMemberButton = QPushButton(self.membersGroup)
        self.addMemberButton.setObjectName(u"addMemberButton")
        self.addMemberButton.setAutoDefault(False)

        self.newButtonsLayout.addWidget(self.addMemberButton)

        self.removeMemberButton = QPushButton(self.membersGroup)
        self.removeMemberButton.setObjectName(u"removeMemberButton")
        self.removeMemberButton.setAutoDefault(False)

        self.newButtonsLayout.addWidget(self.removeMemberButton)

        self.newButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.newButtonsLayout.addItem(self.newButtonsSpacer)


        self.membersLayout.addLayout(self.newButtonsLayout)


        self.mainLayout.addWidget(self.membersGroup)

        self.errorLabel = QLabel(RosterDecisionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(RosterDecisionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.numberLabel.setBuddy(self.numberEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.issuedByLabel.setBuddy(self.issuedByEdit)
        self.signerNameLabel.setBuddy(self.signerNameEdit)
        self.signerTitleLabel.setBuddy(self.signerTitleEdit)
        self.summaryLabel.setBuddy(self.summaryEdit)
        self.fileLabel.setBuddy(self.fileButton)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.numberEdit)
        QWidget.setTabOrder(self.numberEdit, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.issuedByEdit)
        QWidget.setTabOrder(self.issuedByEdit, self.signerNameEdit)
        QWidget.setTabOrder(self.signerNameEdit, self.signerTitleEdit)
        QWidget.setTabOrder(self.signerTitleEdit, self.summaryEdit)
        QWidget.setTabOrder(self.summaryEdit, self.fileButton)
        QWidget.setTabOrder(self.fileButton, self.clearFileButton)
        QWidget.setTabOrder(self.clearFileButton, self.currentTable)
        QWidget.setTabOrder(self.currentTable, self.newTable)
        QWidget.setTabOrder(self.newTable, self.addMemberButton)
        QWidget.setTabOrder(self.addMemberButton, self.removeMemberButton)

        self.retranslateUi(RosterDecisionDialog)
        self.buttonBox.rejected.connect(RosterDecisionDialog.reject)

        QMetaObject.connectSlotsByName(RosterDecisionDialog)
    # setupUi

    def retranslateUi(self, RosterDecisionDialog):
        RosterDecisionDialog.setWindowTitle(QCoreApplication.translate("RosterDecisionDialog", u"Quy\u1ebft \u0111\u1ecbnh", None))
        self.kindLabel.setText(QCoreApplication.translate("RosterDecisionDialog", u"&Lo\u1ea1i quy\u1ebft \u0111\u1ecbnh:", None))
        self.numberLabel.setText(QCoreApplication.translate("RosterDecisionDialog", u"S\u1ed1, &k\u00fd hi\u1ec7u:", None))
        self.numberEdit.setPlaceholderText(QCoreApplication.translate("RosterDecisionDialog", u"V\u00ed d\u1ee5: 01620/Q\u0110-UBND", None))
        self.dateLabel.setText(QCoreApplication.translate("RosterDecisionDialog", u"&Ng\u00e0y k\u00fd:", None))
        self.issuedByLabel.setText(QCoreApplication.translate("RosterDecisionDialog", u"C\u1ea5p &ban h\u00e0nh:", None))
        self.issuedByEdit.setPlaceholderText(QCoreApplication.translate("RosterDecisionDialog", u"V\u00ed d\u1ee5: Ch\u1ee7 t\u1ecbch UBND t\u1ec9nh", None))
        self.signerNameLabel.setText(QCoreApplication.translate("RosterDecisionDialog", u"Ng\u01b0\u1eddi &k\u00fd:", None))
        self.signerNameEdit.setPlaceholderText(QCoreApplication.translate("RosterDecisionDialog", u"V\u00ed d\u1ee5: Nguy\u1ec5n V\u0103n A", None))
        self.signerTitleLabel.setText(QCoreApplication.translate("RosterDecisionDialog", u"&Ch\u1ee9c v\u1ee5 ng\u01b0\u1eddi k\u00fd:", None))
        self.signerTitleEdit.setPlaceholderText(QCoreApplication.translate("RosterDecisionDialog", u"V\u00ed d\u1ee5: Ch\u1ee7 t\u1ecbch", None))
        self.summaryLabel.setText(QCoreApplication.translate("RosterDecisionDialog", u"&Tr\u00edch y\u1ebfu:", None))
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("RosterDecisionDialog", u"V\u00ed d\u1ee5: Ki\u1ec7n to\u00e0n Ban Ch\u1ec9 huy Ph\u00f2ng th\u1ee7 d\u00e2n s\u1ef1 t\u1ec9nh", None))
        self.fileLabel.setText(QCoreApplication.translate("RosterDecisionDialog", u"B\u1ea3n &qu\u00e9t:", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("RosterDecisionDialog", u"(ch\u01b0a \u0111\u00ednh k\u00e8m)", None))
        self.fileButton.setText(QCoreApplication.translate("RosterDecisionDialog", u"Ch\u1ecdn &t\u1ec7p\u2026", None))
        self.clearFileButton.setText(QCoreApplication.translate("RosterDecisionDialog", u"&B\u1ecf t\u1ec7p", None))
        self.membersGroup.setTitle(QCoreApplication.translate("RosterDecisionDialog", u"Th\u00e0nh ph\u1ea7n Ban theo quy\u1ebft \u0111\u1ecbnh", None))
        self.currentLabel.setText(QCoreApplication.translate("RosterDecisionDialog", u"Th\u00e0nh vi\u00ean hi\u1ec7n t\u1ea1i \u2014 \u0111\u00e1nh d\u1ea5u \u201cK\u1ebft th\u00fac\u201d v\u1edbi ng\u01b0\u1eddi th\u00f4i tham gia Ban:", None))
        self.newLabel.setText(QCoreApplication.translate("RosterDecisionDialog", u"Th\u00e0nh vi\u00ean m\u1edbi:", None))
        self.addMemberButton.setText(QCoreApplication.translate("RosterDecisionDialog", u"Th\u00eam th\u00e0nh vi\u00ean &m\u1edbi\u2026", None))
        self.removeMemberButton.setText(QCoreApplication.translate("RosterDecisionDialog", u"B\u1ecf th\u00e0nh vi\u00ean m\u1edbi \u0111ang &ch\u1ecdn", None))
    # retranslateUi

