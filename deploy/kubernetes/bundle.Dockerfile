# The model bundle as an image of its own, copied by an init container into each service's pod.
#   docker build -f deploy/kubernetes/bundle.Dockerfile --build-arg BUNDLE=models/home-credit-generated \
#     -t octroi/model-bundle:<bundle version> .
FROM busybox:1.37
ARG BUNDLE=models/home-credit-generated
COPY ${BUNDLE} /bundle
USER 1000
