from django.db import models


class Sector(models.TextChoices):
    ZORG = "zorg", "Zorg en welzijn"
    KINDEROPVANG = "kinderopvang", "Kinderopvang"
    HORECA = "horeca", "Horeca"
    DETAILHANDEL = "detailhandel", "Detailhandel"
    LOGISTIEK = "logistiek", "Transport en logistiek"
    SCHOONMAAK = "schoonmaak", "Schoonmaak en facilitair"
    GROEN = "groen", "Groen en recreatie"
    INDUSTRIE = "industrie", "Industrie en productie"
    BOUW = "bouw", "Bouw en techniek"
    OVERHEID = "overheid", "Overheid"
    ONDERWIJS = "onderwijs", "Onderwijs"
    ZAKELIJK = "zakelijk", "Zakelijke dienstverlening"
    ICT = "ict", "ICT"
    AGRARISCH = "agrarisch", "Agrarisch"
