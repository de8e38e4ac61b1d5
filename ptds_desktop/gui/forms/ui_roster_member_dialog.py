# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'roster_member_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QStackedWidget,
    QVBoxLayout, QWidget)

from ptds_desktop.gui.date_field import DateField
from ptds_desktop.gui.reference_picker import ReferencePicker

class Ui_RosterMemberDialog(object):
    def setupUi(self, RosterMemberDialog):
        if not RosterMemberDialog.objectName():
            RosterMemberDialog.setObjectName(u"RosterMemberDialog")
        RosterMemberDialog.resize(660, 540)
        self.mainLayout = QVBoxLayout(RosterMemberDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.personGroup = QGroupBox(RosterMemberDialog)
        self.personGroup.setObjectName(u"personGroup")
        self.personLayout = QVBoxLayout(self.personGroup)
        self.personLayout.setObjectName(u"personLayout")
        self.modeLayout = QHBoxLayout()
        self.modeLayout.setObjectName(u"modeLayout")
        self.existingRadio = QRadioButton(self.personGroup)
        self.existingRadio.setObjectName(u"existingRadio")
        self.existingRadio.setChecked(True)

        self.modeLayout.addWidget(self.existingRadio)

        self.newRadio = QRadioButton(self.personGroup)
        self.newRadio.setObjectName(u"newRadio")

        self.modeLayout.addWidget(self.newRadio)

        self.modeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.modeLayout.addItem(self.modeSpacer)


        self.personLayout.addLayout(self.modeLayout)

        self.personStack = QStackedWidget(self.personGroup)
        self.personStack.setObjectName(u"personStack")
        self.existingPage = QWidget()
        self.existingPage.setObjectName(u"existingPage")
        self.existingLayout = QVBoxLayout(self.existingPage)
        self.existingLayout.setObjectName(u"existingLayout")
        self.existingLayout.setContentsMargins(0, 0, 0, 0)
        self.holderPicker = ReferencePicker(self.existingPage)
        self.holderPicker.setObjectName(u"holderPicker")

        self.existingLayout.addWidget(self.holderPicker)

        self.holderHint = QLabel(self.existingPage)
        self.holderHint.setObjectName(u"holderHint")
        self.holderHint.setWordWrap(True)

        self.existingLayout.addWidget(self.holderHint)

        self.existingSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.existingLayout.addItem(self.existingSpacer)

        self.personStack.addWidget(self.existingPage)
        self.newPage = QWidget()
        self.newPage.setObjectName(u"newPage")
        self.newPersonLayout = QFormLayout(self.newPage)
        self.newPersonLayout.setObjectName(u"newPersonLayout")
        self.newPersonLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fullNameLabel = QLabel(self.newPage)
        self.fullNameLabel.setObjectName(u"fullNameLabel")

        self.newPersonLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fullNameLabel)

        self.fullNameEdit = QLineEdit(self.newPage)
        self.fullNameEdit.setObjectName(u"fullNameEdit")
        self.fullNameEdit.setMaxLength(150)

        self.newPersonLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.fullNameEdit)

        self.titleLabel = QLabel(self.newPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.newPersonLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(self.newPage)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(300)

        self.newPersonLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.organizationLabel = QLabel(self.newPage)
        self.organizationLabel.setObjectName(u"organizationLabel")

        self.newPersonLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.organizationLabel)

        self.organizationLayout = QHBoxLayout()
        self.organizationLayout.setObjectName(u"organizationLayout")
        self.organizationCombo = QComboBox(self.newPage)
        self.organizationCombo.setObjectName(u"organizationCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.organizationCombo.sizePolicy().hasHeightForWidth())
        self.organizationCombo.setSizePolicy(sizePolicy)
        self.organizationCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.organizationCombo.setMinimumContentsLength(20)

        self.organizationLayout.addWidget(self.organizationCombo)

        self.newOrganizationButton = QPushButton(self.newPage)
        self.newOrganizationButton.setObjectName(u"newOrganizationButton")
        self.newOrganizationButton.setAutoDefault(False)

        self.organizationLayout.addWidget(self.newOrganizationButton)


        self.newPersonLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.organizationLayout)

        self.phoneLabel = QLabel(self.newPage)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.newPersonLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.newPage)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(30)

        self.newPersonLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.emailLabel = QLabel(self.newPage)
        self.emailLabel.setObjectName(u"emailLabel")

        self.newPersonLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(self.newPage)
        self.emailEdit.setObjectName(u"emailEdit")
        self.emailEdit.setMaxLength(200)

        self.newPersonLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.personStack.addWidget(self.newPage)

        self.personLayout.addWidget(self.personStack)


        self.mainLayout.addWidget(self.personGroup)

        self.memberGroup = QGroupBox(RosterMemberDialog)
        self.memberGroup.setObjectName(u"memberGroup")
        self.memberLayout = QFormLayout(self.memberGroup)
        self.memberLayout.setObjectName(u"memberLayout")
        self.memberLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.roleLabel = QLabel(self.memberGroup)
        self.roleLabel.setObjectName(u"roleLabel")

        self.memberLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(self.memberGroup)
        self.roleCombo.setObjectName(u"roleCombo")

        self.memberLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.positionLabel = QLabel(self.memberGroup)
        self.positionLabel.setObjectName(u"positionLabel")

        self.memberLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.positionLabel)

        self.positionEdit = QLineEdit(self.memberGroup)
        self.positionEdit.setObjectName(u"positionEdit")
        self.positionEdit.setMaxLength(300)

        self.memberLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.positionEdit)

        self.responsibilityLabel = QLabel(self.memberGroup)
        self.responsibilityLabel.setObjectName(u"responsibilityLabel")

        self.memberLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.responsibilityLabel)

        self.responsibilityEdit = QPlainTextEdit(self.memberGroup)
        self.responsibilityEdit.setObjectName(u"responsibilityEdit")
        self.responsibilityEdit.setTabChangesFocus(True)
        self.responsibilityEdit.setMinimumSize(QSize(0, 70))

        self.memberLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.responsibilityEdit)


        self.mainLayout.addWidget(self.memberGroup)

        self.decisionGroup = QGroupBox(RosterMemberDialog)
        self.decisionGroup.setObjectName(u"decisionGroup")
        self.decisionLayout = QFormLayout(self.decisionGroup)
        self.decisionLayout.setObjectName(u"decisionLayout")
        self.decisionLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.numberLabel = QLabel(self.decisionGroup)
        self.numberLabel.setObjectName(u"numberLabel")

        self.decisionLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.numberEdit = QLineEdit(self.decisionGroup)
        self.numberEdit.setObjectName(u"numberEdit")
        self.numberEdit.setMaxLength(50)

        self.decisionLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.numberEdit)

        self.dateLabel = QLabel(self.decisionGroup)
        self.dateLabel.setObjectName(u"dateLabel")

        self.decisionLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = DateField(self.decisionGroup)
        self.dateEdit.setObjectName(u"dateEdit")

        self.decisionLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.issuedByLabel = QLabel(self.decisionGroup)
        self.issuedByLabel.setObjectName(u"issuedByLabel")

        self.decisionLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.issuedByLabel)

        self.issuedByEdit = QLineEdit(self.decisionGroup)
        self.issuedByEdit.setObjectName(u"issuedByEdit")
        self.issuedByEdit.setMaxLength(200)

        self.decisionLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.issuedByEdit)


        self.mainLayout.addWidget(self.decisionGroup)

        self.errorLabel = QLabel(RosterMemberDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(RosterMemberDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.fullNameLabel.setBuddy(self.fullNameEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.organizationLabel.setBuddy(self.organizationCombo)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.positionLabel.setBuddy(self.positionEdit)
        self.responsibilityLabel.setBuddy(self.responsibilityEdit)
        self.numberLabel.setBuddy(self.numberEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.issuedByLabel.setBuddy(self.issuedByEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.existingRadio, self.newRadio)
        QWidget.setTabOrder(self.newRadio, self.holderPicker)
        QWidget.setTabOrder(self.holderPicker, self.fullNameEdit)
        QWidget.setTabOrder(self.fullNameEdit, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.organizationCombo)
        QWidget.setTabOrder(self.organizationCombo, self.newOrganizationButton)
        QWidget.setTabOrder(self.newOrganizationButton, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.positionEdit)
        QWidget.setTabOrder(self.positionEdit, self.responsibilityEdit)
        QWidget.setTabOrder(self.responsibilityEdit, self.numberEdit)
        QWidget.setTabOrder(self.numberEdit, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.issuedByEdit)

        self.retranslateUi(RosterMemberDialog)
        self.buttonBox.rejected.connect(RosterMemberDialog.reject)

        QMetaObject.connectSlotsByName(RosterMemberDialog)
    # setupUi

    def retranslateUi(self, RosterMemberDialog):
        RosterMemberDialog.setWindowTitle(QCoreApplication.translate("RosterMemberDialog", u"Th\u00e0nh vi\u00ean Ban Ch\u1ec9 huy", None))
        self.personGroup.setTitle(QCoreApplication.translate("RosterMemberDialog", u"Ng\u01b0\u1eddi", None))
        self.existingRadio.setText(QCoreApplication.translate("RosterMemberDialog", u"Ch\u1ecdn ng\u01b0\u1eddi &\u0111\u00e3 c\u00f3 ho\u1eb7c ghi ch\u1ee9c v\u1ee5", None))
        self.newRadio.setText(QCoreApplication.translate("RosterMemberDialog", u"Th\u00eam ng\u01b0\u1eddi &m\u1edbi", None))
        self.holderHint.setText(QCoreApplication.translate("RosterMemberDialog", u"G\u00f5 t\u00ean ng\u01b0\u1eddi ho\u1eb7c c\u01a1 quan (kh\u00f4ng d\u1ea5u c\u0169ng \u0111\u01b0\u1ee3c) r\u1ed3i ch\u1ecdn trong danh s\u00e1ch; n\u1ebfu quy\u1ebft \u0111\u1ecbnh ch\u1ec9 ghi ch\u1ee9c v\u1ee5 (v\u00ed d\u1ee5 \u201cGi\u00e1m \u0111\u1ed1c S\u1edf Y t\u1ebf\u201d), ghi nguy\u00ean v\u0103n.", None))
        self.fullNameLabel.setText(QCoreApplication.translate("RosterMemberDialog", u"&H\u1ecd v\u00e0 t\u00ean:", None))
        self.fullNameEdit.setPlaceholderText(QCoreApplication.translate("RosterMemberDialog", u"V\u00ed d\u1ee5: Nguy\u1ec5n Thi\u00ean V\u0103n", None))
        self.titleLabel.setText(QCoreApplication.translate("RosterMemberDialog", u"Ch\u1ee9c &v\u1ee5:", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("RosterMemberDialog", u"V\u00ed d\u1ee5: Ph\u00f3 Ch\u1ee7 t\u1ecbch UBND t\u1ec9nh", None))
        self.organizationLabel.setText(QCoreApplication.translate("RosterMemberDialog", u"C\u01a1 quan, \u0111\u01a1n &v\u1ecb:", None))
        self.newOrganizationButton.setText(QCoreApplication.translate("RosterMemberDialog", u"Th\u00eam c\u01a1 &quan\u2026", None))
        self.phoneLabel.setText(QCoreApplication.translate("RosterMemberDialog", u"\u0110i\u1ec7n t&ho\u1ea1i:", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("RosterMemberDialog", u"V\u00ed d\u1ee5: 0819.449.153", None))
        self.emailLabel.setText(QCoreApplication.translate("RosterMemberDialog", u"Th\u01b0 \u0111i\u1ec7n t\u1eed:", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("RosterMemberDialog", u"V\u00ed d\u1ee5: ten@daklak.gov.vn", None))
        self.memberGroup.setTitle(QCoreApplication.translate("RosterMemberDialog", u"Trong Ban Ch\u1ec9 huy", None))
        self.roleLabel.setText(QCoreApplication.translate("RosterMemberDialog", u"Ch\u1ee9c &danh trong Ban:", None))
        self.positionLabel.setText(QCoreApplication.translate("RosterMemberDialog", u"Ch\u1ee9c v\u1ee5, \u0111\u01a1n v\u1ecb (in trong danh &s\u00e1ch):", None))
        self.positionEdit.setPlaceholderText(QCoreApplication.translate("RosterMemberDialog", u"\u0110\u1ec3 tr\u1ed1ng: l\u1ea5y ch\u1ee9c v\u1ee5 v\u00e0 \u0111\u01a1n v\u1ecb c\u1ee7a ng\u01b0\u1eddi", None))
        self.responsibilityLabel.setText(QCoreApplication.translate("RosterMemberDialog", u"&L\u0129nh v\u1ef1c ph\u1ee5 tr\u00e1ch:", None))
        self.decisionGroup.setTitle(QCoreApplication.translate("RosterMemberDialog", u"Quy\u1ebft \u0111\u1ecbnh b\u1ed5 sung th\u00e0nh vi\u00ean", None))
        self.numberLabel.setText(QCoreApplication.translate("RosterMemberDialog", u"S\u1ed1, &k\u00fd hi\u1ec7u:", None))
        self.numberEdit.setPlaceholderText(QCoreApplication.translate("RosterMemberDialog", u"V\u00ed d\u1ee5: 01620/Q\u0110-UBND", None))
        self.dateLabel.setText(QCoreApplication.translate("RosterMemberDialog", u"Ng\u00e0y &k\u00fd:", None))
        self.issuedByLabel.setText(QCoreApplication.translate("RosterMemberDialog", u"C\u1ea5p &ban h\u00e0nh:", None))
        self.issuedByEdit.setPlaceholderText(QCoreApplication.translate("RosterMemberDialog", u"V\u00ed d\u1ee5: Ch\u1ee7 t\u1ecbch UBND t\u1ec9nh", None))
    # retranslateUi

