# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'roster_board_dialog.ui'
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
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_RosterBoardDialog(object):
    def setupUi(self, RosterBoardDialog):
        if not RosterBoardDialog.objectName():
            RosterBoardDialog.setObjectName(u"RosterBoardDialog")
        RosterBoardDialog.resize(600, 260)
        self.mainLayout = QVBoxLayout(RosterBoardDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.levelLabel = QLabel(RosterBoardDialog)
        self.levelLabel.setObjectName(u"levelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.levelLabel)

        self.levelCombo = QComboBox(RosterBoardDialog)
        self.levelCombo.setObjectName(u"levelCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.levelCombo)

        self.unitLabel = QLabel(RosterBoardDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitEdit = QLineEdit(RosterBoardDialog)
        self.unitEdit.setObjectName(u"unitEdit")
        self.unitEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unitEdit)

        self.nameLabel = QLabel(RosterBoardDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(RosterBoardDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(300)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.committeeLabel = QLabel(RosterBoardDialog)
        self.committeeLabel.setObjectName(u"committeeLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.committeeLabel)

        self.committeeCombo = QComboBox(RosterBoardDialog)
        self.committeeCombo.setObjectName(u"committeeCombo")
        self.committeeCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.committeeCombo.setMinimumContentsLength(30)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.committeeCombo)

        self.agencyLabel = QLabel(RosterBoardDialog)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.agencyLabel)

        self.agencyCombo = QComboBox(RosterBoardDialog)
        self.agencyCombo.setObjectName(u"agencyCombo")
        self.agencyCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.agencyCombo.setMinimumContentsLength(30)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.agencyCombo)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(RosterBoardDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(RosterBoardDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.levelLabel.setBuddy(self.levelCombo)
        self.unitLabel.setBuddy(self.unitEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.committeeLabel.setBuddy(self.committeeCombo)
        self.agencyLabel.setBuddy(self.agencyCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.levelCombo, self.unitEdit)
        QWidget.setTabOrder(self.unitEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.committeeCombo)
        QWidget.setTabOrder(self.committeeCombo, self.agencyCombo)

        self.retranslateUi(RosterBoardDialog)
        self.buttonBox.rejected.connect(RosterBoardDialog.reject)

        QMetaObject.connectSlotsByName(RosterBoardDialog)
    # setupUi

    def retranslateUi(self, RosterBoardDialog):
        RosterBoardDialog.setWindowTitle(QCoreApplication.translate("RosterBoardDialog", u"Ban Ch\u1ec9 huy", None))
        self.levelLabel.setText(QCoreApplication.translate("RosterBoardDialog", u"&C\u1ea5p:", None))
        self.unitLabel.setText(QCoreApplication.translate("RosterBoardDialog", u"T\u00ean \u0111\u1ecba &ph\u01b0\u01a1ng:", None))
        self.unitEdit.setPlaceholderText(QCoreApplication.translate("RosterBoardDialog", u"V\u00ed d\u1ee5: t\u1ec9nh \u0110\u1eafk L\u1eafk, x\u00e3 Ea Kao", None))
        self.nameLabel.setText(QCoreApplication.translate("RosterBoardDialog", u"&T\u00ean Ban:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("RosterBoardDialog", u"V\u00ed d\u1ee5: Ban Ch\u1ec9 huy Ph\u00f2ng th\u1ee7 d\u00e2n s\u1ef1 t\u1ec9nh \u0110\u1eafk L\u1eafk", None))
        self.committeeLabel.setText(QCoreApplication.translate("RosterBoardDialog", u"\u1ee6y ban &nh\u00e2n d\u00e2n:", None))
        self.agencyLabel.setText(QCoreApplication.translate("RosterBoardDialog", u"C\u01a1 quan th\u01b0\u1eddng t&r\u1ef1c:", None))
    # retranslateUi

