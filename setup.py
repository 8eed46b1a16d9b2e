"""The installed package is `zhfin`: nlp/ installs as zhfin and models/ as zhfin/models
(package data), so a wheel carries its models. Everything else is in pyproject.toml;
this file only exists because pyproject.toml cannot rename found packages."""
from setuptools import find_namespace_packages, setup


def tree(root: str, name: str) -> list[str]:
    """`name` and every folder below `root` as its subpackage (data folders included)."""
    return [name, *(f"{name}.{p}" for p in find_namespace_packages(root, exclude=["*__pycache__*"]))]


code = tree("nlp", "zhfin")
# models/trf (zhfin train trf) holds weights fine-tuned from a base under its own licence: never in a wheel
models = [p for p in tree("models", "zhfin.models") if p != "zhfin.models.trf" and not p.startswith("zhfin.models.trf.")]
setup(
    packages=code + models,
    package_dir={"zhfin": "nlp", "zhfin.models": "models"},
    package_data={p: ["*"] for p in code + models},  # every file ships: lexicons, schemas, model files
)
