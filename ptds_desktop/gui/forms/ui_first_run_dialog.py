# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run_dialog.ui'
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

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.resize(520, 210)
        self.mainLayout = QVBoxLayout(FirstRunDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(FirstRunDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.nameLabel = QLabel(FirstRunDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(FirstRunDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.levelLabel = QLabel(FirstRunDialog)
        self.levelLabel.setObjectName(u"levelLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.levelLabel)

        self.levelCombo = QComboBox(FirstRunDialog)
        self.levelCombo.setObjectName(u"levelCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.levelCombo)

        self.placeLabel = QLabel(FirstRunDialog)
        self.placeLabel.setObjectName(u"placeLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeEdit = QLineEdit(FirstRunDialog)
        self.placeEdit.setObjectName(u"placeEdit")
        self.placeEdit.setMaxLength(100)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.placeEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(FirstRunDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(FirstRunDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.levelLabel.setBuddy(self.levelCombo)
        self.placeLabel.setBuddy(self.placeEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FirstRunDialog)
        self.buttonBox.rejected.connect(FirstRunDialog.reject)

        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"Kh\u1edfi t\u1ea1o v\u0103n ph\u00f2ng", None))
        self.introLabel.setText(QCoreApplication.translate("FirstRunDialog", u"C\u01a1 s\u1edf d\u1eef li\u1ec7u n\u00e0y ch\u01b0a thu\u1ed9c v\u0103n ph\u00f2ng n\u00e0o. H\u00e3y nh\u1eadp v\u0103n ph\u00f2ng s\u1eed d\u1ee5ng \u1ee9ng d\u1ee5ng tr\u00ean m\u00e1y n\u00e0y; t\u00ean v\u00e0 \u0111\u1ecba danh s\u1ebd \u0111\u01b0\u1ee3c ghi tr\u00ean v\u0103n b\u1ea3n.", None))
        self.nameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"&T\u00ean v\u0103n ph\u00f2ng:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"V\u00ed d\u1ee5: B\u1ed9 CHQS t\u1ec9nh \u0110\u1eafk L\u1eafk", None))
        self.levelLabel.setText(QCoreApplication.translate("FirstRunDialog", u"&C\u1ea5p:", None))
        self.placeLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u0110\u1ecb&a danh:", None))
        self.placeEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"V\u00ed d\u1ee5: \u0110\u1eafk L\u1eafk (ghi \u1edf d\u00f2ng \u201c\u0110\u1eafk L\u1eafk, ng\u00e0y \u2026 th\u00e1ng \u2026 n\u0103m \u2026\u201d)", None))
    # retranslateUi

