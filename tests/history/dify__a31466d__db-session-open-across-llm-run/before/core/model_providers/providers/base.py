# Reduced from langgenius/dify, api/core/model_providers/providers/base.py at d38eac959bac18b20e67eab4ecddb26406a212a8 (parent of fix a31466d34e280284216b638e1fcd89e0db9bfff4)
from abc import ABC, abstractmethod
from datetime import datetime

from pydantic import BaseModel

from extensions.ext_database import db
from models.provider import Provider, ProviderType


class QuotaExceededError(Exception):
    """
    Custom exception raised when the quota for a provider has been exceeded.
    (core/model_providers/error.py)
    """
    description = "Quota Exceeded"


class BaseModelProvider(BaseModel, ABC):

    provider: Provider

    class Config:
        """Configuration for this pydantic object."""

        arbitrary_types_allowed = True

    @property
    @abstractmethod
    def provider_name(self):
        """
        Returns the name of a provider.
        """
        raise NotImplementedError

    @abstractmethod
    def get_model_credentials(self, model_name: str, model_type: str, obfuscated: bool = False) -> dict:
        """
        get credentials for llm use.

        :param model_name:
        :param model_type:
        :param obfuscated:
        :return:
        """
        raise NotImplementedError

    def get_rules(self):
        """
        Returns the rules of a provider.
        (reduced: the original reads core/model_providers/rules/<provider>.json)
        """
        return {'support_provider_types': ['system', 'custom']}

    def check_quota_over_limit(self):
        """
        check provider quota over limit.

        :return:
        """
        if self.provider.provider_type != ProviderType.SYSTEM.value:
            return

        rules = self.get_rules()
        if 'system' not in rules['support_provider_types']:
            return

        provider = db.session.query(Provider).filter(
            db.and_(
                Provider.id == self.provider.id,
                Provider.is_valid == True,
                Provider.quota_limit > Provider.quota_used
            )
        ).first()

        if not provider:
            raise QuotaExceededError()

    def deduct_quota(self, used_tokens: int = 0) -> None:
        """
        deduct available quota when provider type is system or paid.
        (reduced: the quota-unit rules are cut)

        :return:
        """
        if self.provider.provider_type != ProviderType.SYSTEM.value:
            return

        used_quota = 1

        db.session.query(Provider).filter(
            Provider.tenant_id == self.provider.tenant_id,
            Provider.provider_name == self.provider.provider_name,
            Provider.provider_type == self.provider.provider_type,
            Provider.quota_type == self.provider.quota_type,
            Provider.quota_limit > Provider.quota_used
        ).update({'quota_used': Provider.quota_used + used_quota})
        db.session.commit()

    def update_last_used(self) -> None:
        """
        update last used time.

        :return:
        """
        db.session.query(Provider).filter(
            Provider.tenant_id == self.provider.tenant_id,
            Provider.provider_name == self.provider.provider_name
        ).update({'last_used': datetime.utcnow()})
        db.session.commit()
