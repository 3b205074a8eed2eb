# A model bundle as an image of its own, installed into the models volume by the Job octroi-model-install
# (model-install.yaml) with install-bundle.sh:
#   docker build -f deploy/kubernetes/bundle.Dockerfile --build-arg BUNDLE=models/home-credit-generated \
#     -t octroi/model-bundle:<bundle version> .
FROM busybox:1.37
ARG BUNDLE=models/home-credit-generated
COPY ${BUNDLE} /bundle
COPY deploy/kubernetes/install-bundle.sh /usr/local/bin/install-bundle
USER 1000
